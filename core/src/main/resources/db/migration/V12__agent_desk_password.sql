-- An agent's desk password: what opens the agent desktop, the CTI connection and the API for the
-- agent, apart from the SIP password their phone registers with, so a SIP password guessed on the
-- SIP port opens nothing else.
--
-- desk_password_hash holds "pbkdf2-sha256$<iterations>$<salt>$<hash>" (base64, no padding), the
-- form of hotline_user.password_hash (V10). NULL, as every agent has after this migration, means
-- no desk password: the agent cannot log in to the desktop until an administrator gives them one.

ALTER TABLE agent ADD COLUMN desk_password_hash VARCHAR(255);
