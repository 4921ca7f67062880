package org.escnet.adapters.mlflow;

import java.util.List;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;

/**
 * One {@code runs/log-batch} request within MLflow's limits.
 *
 * @param entriesCompleted how many leading entries of the planned group are fully delivered once this request and
 *                         all before it succeeded
 */
record LogBatch(List<Metric> metrics, List<Param> params, List<RunTag> tags, int entriesCompleted) {
    LogBatch {
        metrics = List.copyOf(metrics);
        params = List.copyOf(params);
        tags = List.copyOf(tags);
    }
}
