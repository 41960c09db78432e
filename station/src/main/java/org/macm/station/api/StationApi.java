package org.macm.station.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes of the station's local API, one handler per resource (docs/api/openapi.yaml
 * describes them; StationApiContractTest keeps the two in step). Each handler turns JSON into
 * a call on the station or its traffic layer and the result back into JSON, nothing more.
 */
public final class StationApi {
    private StationApi() {
    }

    /** Every route of the handlers, for {@link ApiServer}. */
    public static List<Route> routes(StatusHandler status, MessagesHandler messages,
            AcknowledgementsHandler acknowledgements, AlertsHandler alerts, ExportsHandler exports) {
        List<Route> all = new ArrayList<>(status.routes());
        all.addAll(messages.routes());
        all.addAll(acknowledgements.routes());
        all.addAll(alerts.routes());
        all.addAll(exports.routes());
        return List.copyOf(all);
    }
}
