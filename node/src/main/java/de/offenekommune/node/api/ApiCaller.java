package de.offenekommune.node.api;

/**
 * Who is calling the API, once authenticated: a token of a staff account, or the bootstrap token
 * from the configuration (no account; for automation).
 */
public sealed interface ApiCaller {
    record StaffToken(long tokenId, long accountId, String accountName) implements ApiCaller {
    }

    record Bootstrap() implements ApiCaller {
    }
}
