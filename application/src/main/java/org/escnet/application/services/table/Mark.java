package org.escnet.application.services.table;

/** How a value is typeset in its column: the best value bold, the second best underlined. Ties share a mark. */
public enum Mark {
    BEST, SECOND, NONE
}
