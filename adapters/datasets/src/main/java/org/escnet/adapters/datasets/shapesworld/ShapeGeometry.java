package org.escnet.adapters.datasets.shapesworld;

/**
 * Point-in-shape tests for the six ShapesWorld shapes in unit coordinates: the shape is centred at the origin and
 * fits the unit circle, un-rotated (the caller rotates and scales the query point).
 */
final class ShapeGeometry {
    private static final double[][] TRIANGLE = regularPolygon(3, 1, 1);
    private static final double[][] STAR = regularPolygon(5, 1, 0.45);

    private ShapeGeometry() {
    }

    /** True if (u, v), in units of the shape's radius, lies inside shape {@code shape} (index into SHAPES). */
    static boolean contains(int shape, double u, double v) {
        double r2 = u * u + v * v;
        return switch (shape) {
            case 0 -> r2 <= 1;                                                   // circle
            case 1 -> Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;                  // square
            case 2 -> r2 <= 1 && insidePolygon(TRIANGLE, u, v);                  // triangle
            case 3 -> r2 <= 1 && insidePolygon(STAR, u, v);                      // five-pointed star
            case 4 -> r2 <= 1 && r2 >= 0.55 * 0.55;                              // ring
            case 5 -> (Math.abs(u) <= 0.3 && Math.abs(v) <= 1) || (Math.abs(v) <= 0.3 && Math.abs(u) <= 1); // cross
            default -> throw new IllegalArgumentException("no shape with index " + shape);
        };
    }

    /** Vertices of a regular polygon (or a star when inner < outer), first vertex pointing up (−y). */
    private static double[][] regularPolygon(int points, double outer, double inner) {
        boolean star = inner < outer;
        int n = star ? 2 * points : points;
        double[][] vertices = new double[n][2];
        for (int i = 0; i < n; i++) {
            double radius = star && i % 2 == 1 ? inner : outer;
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            vertices[i][0] = radius * Math.cos(angle);
            vertices[i][1] = radius * Math.sin(angle);
        }
        return vertices;
    }

    /** Even–odd crossing test; works for the concave star. */
    private static boolean insidePolygon(double[][] poly, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
            double xi = poly[i][0];
            double yi = poly[i][1];
            double xj = poly[j][0];
            double yj = poly[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
