package org.escnet.webui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A configuration key and its value as text, for key/value tables. */
public record KeyValue(String key, String value) {
    static List<KeyValue> of(Map<String, String> map) {
        List<KeyValue> out = new ArrayList<>(map.size());
        map.forEach((k, v) -> out.add(new KeyValue(k, v)));
        return out;
    }
}
