package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** The (x = column, y = row) coordinates of the positions of a g×g grid in row-major (flat index) order. */
public final class GridCoordinates {

    private GridCoordinates() {
    }

    /** Shapes: → (g·g, 2) float32, row i = (i mod g, i div g). */
    public static NDArray of(NDManager manager, int grid) {
        NDArray column = manager.arange(0, grid, 1, DataType.FLOAT32).reshape(1, grid).broadcast(grid, grid);
        NDArray row = manager.arange(0, grid, 1, DataType.FLOAT32).reshape(grid, 1).broadcast(grid, grid);
        return NDArrays.stack(new NDList(column.flatten(), row.flatten()), 1);
    }

    /**
     * The coordinates of one position per row; an index of g·g or more gives (0, 0).
     * Shapes: (...) int64 flat indices, (g·g, 2) coordinates → (..., 2) float32.
     */
    public static NDArray at(NDArray index, NDArray coordinates) {
        int positions = (int) coordinates.getShape().get(0);
        return PositionRanking.indicator(index, positions).toType(DataType.FLOAT32, false).matMul(coordinates);
    }
}
