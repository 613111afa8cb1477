package com.engagementtracker.command;

import com.engagementtracker.api.commands.RecordMetricBatchCommand;
import java.util.List;

/** A batch of recordings with rows the engagement refuses: nothing of it is applied. */
class RowsRefusedException extends RuntimeException {

    private final transient RecordMetricBatchCommand.Refused refused;

    RowsRefusedException(List<RecordMetricBatchCommand.RefusedRow> rows, int batchSize) {
        super(rows.size() + " of " + batchSize + " recordings are refused; none was stored");
        this.refused = new RecordMetricBatchCommand.Refused(List.copyOf(rows));
    }

    RecordMetricBatchCommand.Refused refused() {
        return refused;
    }
}
