package io.ringflow.perf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: the run's description, every measure (value, its baseline or peer's value, the
 * ratio, the unit and which direction is better), and each target's verdict. NaN figures are written as
 * {@code null}.
 */
final class SummaryJson
{
    private SummaryJson()
    {
    }

    /**
     * @param inputs   the run.
     * @param measures its measures.
     * @param file     where to write.
     */
    static void write(final SuiteInputs inputs, final List<Measure> measures, final Path file)
    {
        final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode root = json.createObjectNode();
        final ObjectNode run = root.putObject("run");
        for (final Map.Entry<Object, Object> entry : inputs.suite().entrySet())
        {
            run.put(entry.getKey().toString(), entry.getValue().toString());
        }
        final ArrayNode list = root.putArray("measures");
        for (final Measure measure : measures)
        {
            final ObjectNode node = list.addObject()
                .put("group", measure.group())
                .put("name", measure.name())
                .put("engine", measure.engine())
                .put("unit", measure.unit())
                .put("higherIsBetter", measure.higherIsBetter());
            number(node, "value", measure.value());
            if (measure.compared())
            {
                node.put("other", measure.other());
                number(node, "otherValue", measure.otherValue());
                number(node, "ratio", measure.ratio());
            }
        }
        final ArrayNode targets = root.putArray("targets");
        for (final Target target : Target.ISSUE_6)
        {
            final ObjectNode node = targets.addObject().put("target", target.description());
            target.find(measures).ifPresentOrElse(
                found ->
                {
                    number(node, "figure", target.figure(found));
                    node.put("met", target.met(found));
                },
                () -> node.put("met", "not measured"));
        }
        try
        {
            json.writeValue(file.toFile(), root);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static void number(final ObjectNode node, final String field, final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            node.putNull(field);
        }
        else
        {
            node.put(field, value);
        }
    }
}
