package de.offenekommune.node.db;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A result row with the few conversions our schema needs, by column name or 1-based index. */
public final class Row {
    /** A result's column names, indexed once per statement (not per row). A repeated name means its last column. */
    static final class Columns {
        private final Map<String, Integer> byName;
        private final int count;

        private Columns(Map<String, Integer> byName, int count) {
            this.byName = byName;
            this.count = count;
        }

        static Columns of(ResultSetMetaData meta) throws SQLException {
            int count = meta.getColumnCount();
            Map<String, Integer> byName = new HashMap<>(count * 2);
            for (int i = 1; i <= count; i++) {
                // Interned: repositories look columns up by literal names, and an interned key makes
                // each lookup's equals an identity check instead of comparing the characters.
                byName.put(meta.getColumnLabel(i).intern(), i - 1);
            }
            return new Columns(byName, count);
        }
    }

    private final Columns columns;
    private final Object[] values;

    private Row(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The current row of {@code rs}, read in full (values stay valid after the cursor moves on). */
    static Row read(ResultSet rs, Columns columns) throws SQLException {
        Object[] values = new Object[columns.count];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getObject(i + 1);
        }
        return new Row(columns, values);
    }

    private Object raw(String column) {
        Integer index = columns.byName.get(column);
        if (index == null) {
            throw new IllegalArgumentException("the result has no column " + column);
        }
        return values[index];
    }

    private Object raw(int index) {
        if (index < 1 || index > values.length) {
            throw new IndexOutOfBoundsException("the result has no column " + index);
        }
        return values[index - 1];
    }

    public String str(String column) {
        Object v = raw(column);
        return v == null ? null : v.toString();
    }

    public long lng(String column) {
        Object v = raw(column);
        return v == null ? 0L : ((Number) v).longValue();
    }

    public long lng(int index) {
        Object v = raw(index);
        return v == null ? 0L : ((Number) v).longValue();
    }

    public Long lngOrNull(String column) {
        Object v = raw(column);
        return v == null ? null : ((Number) v).longValue();
    }

    public int integer(String column) {
        Object v = raw(column);
        return v == null ? 0 : ((Number) v).intValue();
    }

    public Integer intOrNull(String column) {
        Object v = raw(column);
        return v == null ? null : ((Number) v).intValue();
    }

    public Double dblOrNull(String column) {
        Object v = raw(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public boolean bool(String column) {
        Object v = raw(column);
        return v != null && (Boolean) v;
    }

    public UUID uuid(String column) {
        Object v = raw(column);
        return v == null ? null : v instanceof UUID u ? u : UUID.fromString(v.toString());
    }

    public byte[] bytes(String column) {
        return (byte[]) raw(column);
    }

    public Instant instant(String column) {
        Object v = raw(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (v instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (v instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("column " + column + " is not a timestamp: " + v.getClass());
    }

    public LocalDate date(String column) {
        Object v = raw(column);
        if (v == null) {
            return null;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v instanceof LocalDate ld ? ld : LocalDate.parse(v.toString());
    }

    /** A PostgreSQL text[] column. */
    public List<String> strings(String column) {
        Object v = raw(column);
        if (v == null) {
            return List.of();
        }
        try {
            Object array = v instanceof java.sql.Array a ? a.getArray() : v;
            return List.of((String[]) array);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public <E extends Enum<E>> E enumOf(Class<E> type, String column) {
        String v = str(column);
        return v == null ? null : Enum.valueOf(type, v);
    }
}
