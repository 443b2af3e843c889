package io.ringflow.replay.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a decoded record as JSON by reflection over its fields, so that any record class a pipeline
 * defines can be dumped without writing a formatter for it:
 * <ul>
 *   <li>an object of a user class becomes a JSON object of its non-static, non-synthetic fields, those of
 *       its superclasses first, each class's in the order reflection reports them (the declaration order on
 *       HotSpot); private fields included;</li>
 *   <li>booleans and integral numbers are JSON literals; a float or double is a number when finite and
 *       the string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"} otherwise;</li>
 *   <li>chars, strings and other {@code CharSequence}s are JSON strings; an enum is its name;</li>
 *   <li>arrays are JSON arrays; null is {@code null};</li>
 *   <li>any other JDK class ({@code java.*}, {@code javax.*}, {@code jdk.*}) is the string of its
 *       {@code toString()};</li>
 *   <li>an object met again inside itself is {@code "<cycle>"}, and nesting deeper than {@value #MAX_DEPTH}
 *       is {@code "<too deep>"}; a field reflection may not open is {@code "<inaccessible>"}.</li>
 * </ul>
 * Tools only: it allocates, and each field read is reflective.
 * <p>
 * Threading: stateless apart from each call's own buffers; safe from any thread.
 */
final class RecordJson
{
    static final int MAX_DEPTH = 8;

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private RecordJson()
    {
    }

    /**
     * @param value a record, or any value.
     * @return its JSON text, on one line.
     */
    static String toJson(final Object value)
    {
        final StringBuilder json = new StringBuilder(64);
        append(json, value, 0, new IdentityHashMap<>());
        return json.toString();
    }

    /**
     * Render a record's fields as {@code name=value} pairs separated by spaces, each value in JSON: the table
     * format's record column. A value that is not an object of a user class is rendered as JSON alone.
     *
     * @param value a record.
     * @return the pairs, on one line.
     */
    static String toFieldPairs(final Object value)
    {
        if (null == value || isLeaf(value.getClass()) || value.getClass().isArray())
        {
            return toJson(value);
        }
        final StringBuilder text = new StringBuilder(64);
        final Map<Object, Boolean> seen = new IdentityHashMap<>();
        seen.put(value, Boolean.TRUE);
        for (final Field field : fields(value.getClass()))
        {
            if (text.length() > 0)
            {
                text.append(' ');
            }
            text.append(field.getName()).append('=');
            appendField(text, value, field, 1, seen);
        }
        return text.toString();
    }

    /**
     * @param json  appended to.
     * @param value a string.
     */
    static void appendString(final StringBuilder json, final CharSequence value)
    {
        json.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !validSurrogateAt(value, i))
                    {
                        json.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }

    private static void append(
        final StringBuilder json, final Object value, final int depth, final Map<Object, Boolean> seen)
    {
        if (null == value)
        {
            json.append("null");
            return;
        }
        final Class<?> type = value.getClass();
        if (value instanceof Boolean || value instanceof Byte || value instanceof Short || value instanceof Integer ||
            value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal)
        {
            json.append(value);
        }
        else if (value instanceof Float || value instanceof Double)
        {
            final double number = ((Number)value).doubleValue();
            if (Double.isFinite(number))
            {
                json.append(value);
            }
            else
            {
                appendString(json, value.toString());
            }
        }
        else if (value instanceof Character || value instanceof CharSequence)
        {
            appendString(json, value.toString());
        }
        else if (value instanceof Enum)
        {
            appendString(json, ((Enum<?>)value).name());
        }
        else if (isLeaf(type))
        {
            appendString(json, value.toString());
        }
        else if (depth >= MAX_DEPTH)
        {
            appendString(json, "<too deep>");
        }
        else if (null != seen.put(value, Boolean.TRUE))
        {
            appendString(json, "<cycle>");
        }
        else
        {
            if (type.isArray())
            {
                appendArray(json, value, depth, seen);
            }
            else
            {
                appendObject(json, value, depth, seen);
            }
            seen.remove(value);
        }
    }

    private static void appendArray(
        final StringBuilder json, final Object array, final int depth, final Map<Object, Boolean> seen)
    {
        json.append('[');
        final int length = Array.getLength(array);
        for (int i = 0; i < length; i++)
        {
            if (i > 0)
            {
                json.append(',');
            }
            append(json, Array.get(array, i), depth + 1, seen);
        }
        json.append(']');
    }

    private static void appendObject(
        final StringBuilder json, final Object value, final int depth, final Map<Object, Boolean> seen)
    {
        json.append('{');
        boolean first = true;
        for (final Field field : fields(value.getClass()))
        {
            if (!first)
            {
                json.append(',');
            }
            first = false;
            appendString(json, field.getName());
            json.append(':');
            appendField(json, value, field, depth + 1, seen);
        }
        json.append('}');
    }

    private static void appendField(
        final StringBuilder json, final Object owner, final Field field, final int depth, final Map<Object, Boolean> seen)
    {
        final Object fieldValue;
        try
        {
            fieldValue = field.get(owner);
        }
        catch (final IllegalAccessException ex)
        {
            appendString(json, "<inaccessible>");
            return;
        }
        append(json, fieldValue, depth, seen);
    }

    private static List<Field> fields(final Class<?> type)
    {
        return FIELDS.computeIfAbsent(type, RecordJson::findFields);
    }

    private static List<Field> findFields(final Class<?> type)
    {
        final List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; null != c && Object.class != c; c = c.getSuperclass())
        {
            hierarchy.add(0, c);
        }
        final List<Field> fields = new ArrayList<>();
        for (final Class<?> c : hierarchy)
        {
            for (final Field field : c.getDeclaredFields())
            {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic())
                {
                    continue;
                }
                try
                {
                    field.setAccessible(true);
                }
                catch (final RuntimeException ex)
                {
                    // a class in a named module that does not open its package: field.get reports it
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private static boolean isLeaf(final Class<?> type)
    {
        final String name = type.getName();
        return !type.isArray() && (type.isPrimitive() || name.startsWith("java.") || name.startsWith("javax.") ||
            name.startsWith("jdk.") || name.startsWith("sun."));
    }

    private static boolean validSurrogateAt(final CharSequence value, final int i)
    {
        final char c = value.charAt(i);
        if (Character.isHighSurrogate(c))
        {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
