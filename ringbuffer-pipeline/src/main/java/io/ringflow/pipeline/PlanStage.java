package io.ringflow.pipeline;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.pipeline.runtime.StageSpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One stage of a recorded plan: the operators it fuses (as factories, so that every partition and every
 * build gets fresh ones) and how its thread runs. Compiled to a {@link StageSpec}.
 */
final class PlanStage
{
    final String name;
    final RecordType<?> inputType;
    final List<Supplier<? extends OneInputOperator<?, ?>>> operators = new ArrayList<>();
    final List<String> operatorNames = new ArrayList<>();
    final Map<OutputTag<?>, Sink<?>> sideSinks = new LinkedHashMap<>();
    final Map<RejectReason, Sink<Rejected<?>>> rejectedSinks = new EnumMap<>(RejectReason.class);
    int parallelism = 1;
    KeySelector<?> partitionKey;
    WaitStrategy waitStrategy = WaitStrategy.SLEEPING;
    int ringSize = StageSpec.DEFAULT_RING_SIZE;
    boolean pinned;
    ErrorPolicy errorPolicy = ErrorPolicy.DEAD_LETTER;
    DeadLetterHandler deadLetters = DeadLetterHandler.countOnly();

    PlanStage(final String name, final RecordType<?> inputType)
    {
        this.name = name;
        this.inputType = inputType;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    StageSpec<?, ?> compile(final boolean first)
    {
        final List<Supplier<? extends OneInputOperator<?, ?>>> factories = List.copyOf(operators);
        final StageSpec spec = StageSpec.of(name, () ->
        {
            OperatorChain chain = OperatorChain.first(factories.get(0).get());
            for (int i = 1; i < factories.size(); i++)
            {
                chain = chain.then(factories.get(i).get());
            }
            return chain;
        });
        if (!first)
        {
            spec.inputType(inputType);
        }
        spec.waitStrategy(waitStrategy).ringSize(ringSize).pinned(pinned).errorPolicy(errorPolicy).deadLetters(deadLetters);
        if (parallelism > 1)
        {
            spec.parallelism(parallelism, partitionKey);
        }
        sideSinks.forEach((tag, sink) -> spec.sideOutput((OutputTag)tag, (Sink)sink));
        if (!rejectedSinks.isEmpty())
        {
            spec.sideOutput(Rejected.TAG, RejectionRoutes.of(rejectedSinks));
        }
        return spec;
    }

    /**
     * Give this stage another's thread settings: what a fan-out's scratch stage starts from, so that a
     * branch changing one can be told apart from one leaving it alone.
     */
    void copySettingsFrom(final PlanStage other)
    {
        waitStrategy = other.waitStrategy;
        ringSize = other.ringSize;
        pinned = other.pinned;
        errorPolicy = other.errorPolicy;
        deadLetters = other.deadLetters;
    }

    /**
     * @param other a stage whose settings this one was copied from.
     * @return the first thread setting that differs from {@code other}'s, or null if none does.
     */
    String changedSetting(final PlanStage other)
    {
        if (waitStrategy != other.waitStrategy)
        {
            return "wait strategy";
        }
        if (ringSize != other.ringSize)
        {
            return "ring size";
        }
        if (pinned != other.pinned)
        {
            return "pinning";
        }
        if (errorPolicy != other.errorPolicy)
        {
            return "error policy";
        }
        return deadLetters != other.deadLetters ? "dead-letter handler" : null;
    }

    String describe()
    {
        return "stage '" + name + "'" + (parallelism > 1 ? " x" + parallelism : "") + " [" + waitStrategy + "]: " +
            String.join(" -> ", operatorNames);
    }
}
