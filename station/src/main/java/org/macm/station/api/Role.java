package org.macm.station.api;

/**
 * Who may call a route. Every route declares one; a route without a role cannot be built.
 * The CLI's token carries OPERATOR; the console issue adds its own users and roles.
 */
public enum Role {
    /** A duty officer or operator of this station: read traffic, send, acknowledge. */
    OPERATOR
}
