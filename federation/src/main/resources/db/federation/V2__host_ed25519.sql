-- Whether a host verifies RFC 9421 signatures made with Ed25519: NULL unknown, true advertised
-- (FEP-844e implements) or accepted, false refused once (then it gets RSA signatures for good).
ALTER TABLE fed_host ADD COLUMN rfc9421_ed25519 boolean;
