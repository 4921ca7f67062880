package org.escnet.adapters.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.escnet.domain.data.DatasetReadException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a CAT-Seg class-name list: a JSON array of strings in class-index order (DATASETS.md §2).
 *
 * <p>Surrounding whitespace is stripped ({@code "bed "} in ade150.json becomes {@code bed}); synonym lists such as
 * {@code "building, edifice"} are kept whole, because cutting them to the first name is the text encoder's step.
 */
public final class ClassListFile {
    private ClassListFile() {
    }

    public static List<String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetReadException("class list " + file + " does not exist: set data.class-list-dir to the folder"
                    + " holding the CAT-Seg class-name JSON files, or data.class-lists.<benchmark> to the file");
        } catch (IOException e) {
            throw new DatasetReadException("class list " + file + " cannot be read: " + e.getMessage(), e);
        }
        // JSON is a subset of YAML 1.2 flow syntax, and snakeyaml is already on the domain's class path
        Object parsed;
        try {
            parsed = new Yaml(new LoaderOptions()).load(text);
        } catch (YAMLException e) {
            throw new DatasetReadException("class list " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof List<?> list)) {
            throw new DatasetReadException("class list " + file + " must be a JSON array of strings, found "
                    + (parsed == null ? "nothing" : parsed.getClass().getSimpleName()));
        }
        List<String> names = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw new DatasetReadException("class list " + file + ": entry " + i + " must be a string, found " + list.get(i));
            }
            String name = s.strip();
            if (name.isEmpty()) {
                throw new DatasetReadException("class list " + file + ": entry " + i + " is empty");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new DatasetReadException("class list " + file + " is empty");
        }
        return List.copyOf(names);
    }
}
