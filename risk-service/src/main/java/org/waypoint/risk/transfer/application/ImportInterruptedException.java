package org.waypoint.risk.transfer.application;

/**
 * Storing a checked file stopped at a row because the register changed meanwhile (someone else
 * raised the same code or re-assessed the risk). The rows before it are stored; importing the same
 * file again finishes the job (stored rows come back UNCHANGED).
 */
public class ImportInterruptedException extends RuntimeException {

    private final long row;
    private final int storedRows;

    public ImportInterruptedException(long row, int storedRows, RuntimeException cause) {
        super("Row " + row + " changed in the register while importing: " + storedRows
                + " rows before it were stored, none after. Import the file again to finish.", cause);
        this.row = row;
        this.storedRows = storedRows;
    }

    public long row() {
        return row;
    }

    public int storedRows() {
        return storedRows;
    }
}
