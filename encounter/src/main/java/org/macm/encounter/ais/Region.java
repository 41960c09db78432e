package org.macm.encounter.ais;

import org.macm.encounter.GeoPoint;

/**
 * A rectangle given by its north-east and south-west corners, as types 22 and 23 name the
 * area their settings apply to.
 */
public record Region(GeoPoint northEast, GeoPoint southWest) {}
