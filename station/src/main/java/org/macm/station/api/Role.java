package org.macm.station.api;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares one; a route without a role cannot be built.
 * Javalin keeps it on the registered route. The CLI's token carries OPERATOR; the console
 * issue adds its own users and roles.
 */
public enum Role implements RouteRole {
    /** A duty officer or operator of this station: read traffic, send, acknowledge. */
    OPERATOR
}
