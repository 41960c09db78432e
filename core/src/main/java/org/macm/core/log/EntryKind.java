package org.macm.core.log;

/** The value of an entry's {@code kind} field; each names one {@link Body} type. */
public enum EntryKind {
    MESSAGE,
    RECEIPT,
    ACK,
    TEST
}
