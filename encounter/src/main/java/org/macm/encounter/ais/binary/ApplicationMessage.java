package org.macm.encounter.ais.binary;

/**
 * The decoded content of an AIS binary message whose application (DAC and FI) this module
 * knows, e.g. IMO 289 meteorological and hydrographic data (DAC 1, FI 31). Binary messages of
 * other applications keep their data as hex only ({@link BinaryData}). Sealed: the list of
 * applications is the list {@link ApplicationDecoder} decodes.
 */
public sealed interface ApplicationMessage
        permits AreaNotice, AtonMonitoring, BerthingData, ClearanceTime, DangerousCargo,
                DangerousCargoImo236, ExtendedShipStatic, FairwayClosed, InlandStaticVoyage,
                MarineTrafficSignal, MetHydroReport, MetHydroReportImo236, PersonsOnBoard,
                RouteInformation, TextDescription, TidalWindow, VtsTargets {

    /** Designated area code: 1 for international applications, else a country's MID. */
    int dac();

    /** Function identifier within the DAC. */
    int fi();
}
