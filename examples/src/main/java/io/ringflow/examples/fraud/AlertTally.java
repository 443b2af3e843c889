package io.ringflow.examples.fraud;

import io.ringflow.journal.OutputJournalEntry;
import io.ringflow.journal.OutputJournalReader;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the output journal says the detector found: alerts by rule, and which of the compromised cards
 * each rule caught. Read from the journal, not from the live counters, because the journal is the
 * exactly-once record. Threading: one thread.
 */
final class AlertTally
{
    final Map<Rule, Long> alertsByRule = new EnumMap<>(Rule.class);
    final Map<Rule, Long> scenariosCaughtByRule = new EnumMap<>(Rule.class);
    long alerts;
    long scenarios;
    long scenariosCaught;
    long alertsOnOtherCards;

    /**
     * @param outputJournal the detector's output journal.
     * @param compromised   cards whose whole fraud scenario was generated.
     * @param everCompromised every card a scenario started on (alerts on them are not false alarms).
     */
    AlertTally(final Path outputJournal, final LongArrayList compromised, final LongArrayList everCompromised)
    {
        final Map<Rule, LongHashSet> cardsByRule = new EnumMap<>(Rule.class);
        for (final Rule rule : Rule.values())
        {
            cardsByRule.put(rule, new LongHashSet());
            alertsByRule.put(rule, 0L);
        }
        final LongHashSet suspects = new LongHashSet();
        everCompromised.forEachOrderedLong(suspects::add);
        try (OutputJournalReader<Alert> reader = new OutputJournalReader<>(outputJournal, new AlertCodec()))
        {
            final OutputJournalEntry<Alert> entry = reader.newEntry();
            while (reader.next(entry))
            {
                final Alert alert = entry.record();
                alerts++;
                alertsByRule.merge(alert.rule(), 1L, Long::sum);
                cardsByRule.get(alert.rule()).add(alert.cardId());
                if (!suspects.contains(alert.cardId()))
                {
                    alertsOnOtherCards++;
                }
            }
        }
        scenarios = compromised.size();
        for (final Rule rule : Rule.values())
        {
            scenariosCaughtByRule.put(rule, 0L);
        }
        compromised.forEachOrderedLong(card ->
        {
            boolean caught = false;
            for (final Rule rule : Rule.values())
            {
                if (cardsByRule.get(rule).contains(card))
                {
                    scenariosCaughtByRule.merge(rule, 1L, Long::sum);
                    caught = true;
                }
            }
            scenariosCaught += caught ? 1 : 0;
        });
    }
}
