package org.waypoint.indicator.indicator.domain;

/** RAG status with the words committee reports use (seed 001). */
public enum Status {
    GREEN("No concerns"), AMBER("Some concerns"), RED("Major concerns"), GREY("N/A");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
