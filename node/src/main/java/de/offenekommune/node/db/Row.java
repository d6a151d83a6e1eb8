package de.offenekommune.node.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;

/** A result row with the few conversions our schema needs, by column name or 1-based index. */
public final class Row {
    private final DbRow row;

    Row(DbRow row) {
        this.row = row;
    }

    private Object raw(String column) {
        DbColumn c = row.column(column);
        return c == null ? null : c.asOptional().orElse(null);
    }

    private Object raw(int index) {
        return row.column(index).asOptional().orElse(null);
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
