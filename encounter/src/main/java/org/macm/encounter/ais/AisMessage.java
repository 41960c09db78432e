package org.macm.encounter.ais;

/**
 * One decoded AIS message, of any of the 27 ITU types. Each record holds every
 * field of its message type scaled to the units its accessor names (knots, degrees, metres);
 * a field whose "not available" code was sent, or whose value is out of range, is an empty
 * {@code Optional*}, never a magic number.
 */
public sealed interface AisMessage
        permits ClassAPositionReport,
                BaseStationReport,
                StaticVoyageData,
                SarAircraftReport,
                ClassBPositionReport,
                ExtendedClassBReport,
                AidToNavigationReport,
                StaticDataPartA,
                StaticDataPartB,
                LongRangeReport,
                AddressedSafetyMessage,
                SafetyBroadcast,
                AddressedBinaryMessage,
                Acknowledgement,
                BinaryBroadcast,
                UtcInquiry,
                Interrogation,
                AssignmentCommand,
                DgnssBroadcast,
                DataLinkManagement,
                ChannelManagement,
                GroupAssignment,
                SingleSlotBinary,
                MultiSlotBinary {

    /** The ITU message type, 1..27. */
    int messageType();

    /** Repeat indicator: how many times the message was repeated by a repeater (0..3). */
    int repeat();

    /** The sender's Maritime Mobile Service Identity (9 digits, leading zeros dropped). */
    int mmsi();
}
