-- Accounts: server-side sessions, login attempts (rate limits and lockout), one-time password
-- links (reset and invitation) and the mail outbox. Users exist since 0001.

alter table users add column password_changed_at timestamptz;
alter table users add column last_sign_in_at timestamptz;
alter table users add column invited_by text;
alter table users add column updated_at timestamptz not null default now();

-- A session is known by the SHA-256 of its cookie token: a copy of this table signs nobody in.
create table sessions (
	id text primary key,
	user_id text not null references users (id),
	csrf_token text not null,
	created_at timestamptz not null default now(),
	last_seen_at timestamptz not null default now(),
	expires_at timestamptz not null,
	user_agent text,
	address text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- Every sign-in attempt by e-mail (lower case, whether or not such a user exists) and address.
-- 'reset' marks a password change, after which earlier failures no longer lock the account.
create table login_attempts (
	id bigint generated always as identity primary key,
	email text not null,
	address text not null,
	outcome text not null check (outcome in ('success', 'failure', 'reset')),
	attempted_at timestamptz not null default now()
);
create index login_attempts_email_idx on login_attempts (email, attempted_at desc);
create index login_attempts_address_idx on login_attempts (address, attempted_at desc);

-- One-time links to set a password: 'reset' (forgotten password) and 'invite' (new account).
create table password_tokens (
	id text primary key,
	user_id text not null references users (id),
	purpose text not null check (purpose in ('reset', 'invite')),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz
);
create index password_tokens_user_idx on password_tokens (user_id, created_at desc);

-- Every e-mail the registry sends. Without SMTP it stays here ('held') for the admin to read.
create table outbox (
	id bigint generated always as identity primary key,
	to_address text not null,
	subject text not null,
	body text not null,
	status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'held')),
	error text,
	created_at timestamptz not null default now(),
	sent_at timestamptz
);
create index outbox_created_idx on outbox (created_at desc);
