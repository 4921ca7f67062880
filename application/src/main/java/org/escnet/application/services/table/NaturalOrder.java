package org.escnet.application.services.table;

/** Compares parameter values as numbers when both are numbers ("2" before "10"), else as text. */
final class NaturalOrder {
    private NaturalOrder() {
    }

    static int compare(String a, String b) {
        Double na = number(a);
        Double nb = number(b);
        if (na != null && nb != null) {
            return Double.compare(na, nb);
        }
        return a.compareToIgnoreCase(b);
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
