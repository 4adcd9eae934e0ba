export interface PairwiseEvaluation {
	/** Predicted same-cluster pairs that are truly the same. */
	truePositives: number;
	falsePositives: number;
	falseNegatives: number;
	precision: number;
	recall: number;
	f1: number;
}

function samePairs(clusters: readonly (readonly string[])[]): Set<string> {
	const pairs = new Set<string>();
	for (const cluster of clusters) {
		const members = [...new Set(cluster)].sort();
		for (let i = 0; i < members.length; i++) {
			for (let j = i + 1; j < members.length; j++) pairs.add(`${members[i]}\u0000${members[j]}`);
		}
	}
	return pairs;
}

/**
 * Pairwise precision/recall/F1 of predicted clusters against truth clusters. With no pairs on a side
 * the matching measure is 1 (nothing claimed, nothing missed).
 */
export function evaluateClusters(predicted: readonly (readonly string[])[], truth: readonly (readonly string[])[]): PairwiseEvaluation {
	const predictedPairs = samePairs(predicted);
	const truthPairs = samePairs(truth);
	let truePositives = 0;
	for (const pair of predictedPairs) if (truthPairs.has(pair)) truePositives++;
	const falsePositives = predictedPairs.size - truePositives;
	const falseNegatives = truthPairs.size - truePositives;
	const precision = predictedPairs.size === 0 ? 1 : truePositives / predictedPairs.size;
	const recall = truthPairs.size === 0 ? 1 : truePositives / truthPairs.size;
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
