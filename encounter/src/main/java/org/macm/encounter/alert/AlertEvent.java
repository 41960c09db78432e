package org.macm.encounter.alert;

import java.util.Objects;

/**
 * One step in an alert's life, as the engine and the zone watch emit them: {@link Raised}
 * (NEW, with the draft notice an officer can send), {@link Updated} and {@link Cleared}.
 * Every alert is raised once and cleared at most once, with updates between.
 */
public sealed interface AlertEvent {

    /** The alert's figures at this step. */
    Alert alert();

    /** Which step this is. */
    Lifecycle lifecycle();

    /** A new alert, with its draft "unplanned encounter" notice. */
    record Raised(Alert alert, DraftNotice draft) implements AlertEvent {
        public Raised {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(draft, "draft");
        }

        @Override
        public Lifecycle lifecycle() {
            return Lifecycle.NEW;
        }
    }

    /** New figures for a raised alert. */
    record Updated(Alert alert) implements AlertEvent {
        public Updated {
            Objects.requireNonNull(alert, "alert");
        }

        @Override
        public Lifecycle lifecycle() {
            return Lifecycle.UPDATED;
        }
    }

    /** The alert is over, for {@code reason}; {@code alert} holds the last figures. */
    record Cleared(Alert alert, ClearReason reason) implements AlertEvent {
        public Cleared {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Lifecycle lifecycle() {
            return Lifecycle.CLEARED;
        }
    }
}
