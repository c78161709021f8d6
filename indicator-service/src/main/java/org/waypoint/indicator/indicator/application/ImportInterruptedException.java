package org.waypoint.indicator.indicator.application;

/**
 * Storing a checked file stopped at a row because its indicator changed meanwhile (someone else
 * defined the same code, changed its unit or permissions, or kept saving it). The indicators of the
 * rows before it are stored; importing the same file again finishes the job (stored rows come back
 * UNCHANGED).
 */
public class ImportInterruptedException extends RuntimeException {

    private final int row;
    private final int storedRows;

    public ImportInterruptedException(int row, int storedRows, String reason) {
        super("Row " + row + " could not be stored: " + reason + ". " + storedRows
                + " rows before it were stored, none after. Import the file again to finish.");
        this.row = row;
        this.storedRows = storedRows;
    }

    public int row() {
        return row;
    }

    public int storedRows() {
        return storedRows;
    }
}
