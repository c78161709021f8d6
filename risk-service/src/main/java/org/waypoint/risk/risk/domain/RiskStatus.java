package org.waypoint.risk.risk.domain;

public enum RiskStatus { OPEN, CLOSED }
