package org.macm.station.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.log.EntryCodec;
import org.macm.store.LeaseView;

/**
 * What a node of an active/standby pair says about itself in {@code /api/v1/status}: its
 * role, its own holder name and the lease as last read from the database (holder, epoch,
 * expiry by the database's clock). A station on SQLite has none, and its status has no
 * {@code node} field.
 *
 * @param role  {@code active} or {@code standby}
 * @param self  this node's holder name, {@code NODE/PID}
 * @param lease the lease as last read; empty before the first read or when the database is unreachable
 */
public record NodeStatus(String role, String self, Optional<LeaseView> lease) {
    public NodeStatus {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(lease, "lease");
    }

    /** {@code {"role":..,"name":..,"lease":{"holder":..,"epoch":..,"expiresAt":..,"renewedAt":..}}} */
    public ObjectNode json() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("role", role).put("name", self);
        lease.ifPresent(l -> n.putObject("lease").put("holder", l.holder()).put("epoch", l.epoch())
                .put("expiresAt", EntryCodec.formatTime(l.expiresAt())).put("renewedAt", EntryCodec.formatTime(l.renewedAt())));
        return n;
    }
}
