package org.macm.encounter.unit;

import java.util.ArrayList;
import java.util.List;
import org.macm.encounter.EncounterException;

/** Splits one RFC 4180 CSV line: commas, fields optionally in double quotes with {@code ""} for a quote. */
final class Csv {
    private Csv() {}

    static List<String> split(String where, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            cell.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new EncounterException(where + ": a quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new EncounterException(where + ": text after a closing quote in column " + (cells.size() + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new EncounterException(where + ": a quote inside an unquoted field in column " + (cells.size() + 1));
                    }
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            if (i >= line.length()) {
                return cells;
            }
            i++;
        }
    }
}
