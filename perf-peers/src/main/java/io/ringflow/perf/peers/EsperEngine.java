package io.ringflow.perf.peers;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.configuration.common.ConfigurationCommonEventTypeBean;
import com.espertech.esper.common.client.util.AccessorStyle;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.util.RuntimeVersion;
import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.Q1CurrencyConversion;
import io.ringflow.perf.nexmark.Q2Selection;
import io.ringflow.perf.nexmark.WindowMax;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Esper as a peer, in-process: one runtime, its internal timer off, so that time moves only when this class says
 * and every run is deterministic. Each query's EPL ({@link EsperQueries}) is compiled once (the compiler writes
 * and loads bytecode: seconds, not counted in a run after the first); each run resets the runtime, deploys the
 * query, and sends the events one by one on the calling thread.
 * <p>
 * Time is Ringflow's watermark plus one: after each event, the bounded out-of-orderness watermark
 * ({@code maxTimestamp - 4000 - 1}, the {@link NexmarkDriver}'s) is computed as Ringflow computes it, and when it
 * advances the runtime's clock is advanced to it plus one with {@code advanceTimeSpan}, which fires every timer due
 * on the way at its own time. The windowed queries emit a window when the clock reaches its end, that is when the
 * watermark reaches {@code end - 1}, Ringflow's rule, after the same event. At the end of the input the clock is
 * advanced {@value #END_SPAN_MS} ms past the last event's time, past every window's end: Ringflow's end-of-stream
 * watermark. Results are therefore equal to Ringflow's record by record, in the same order, timestamps included.
 * <p>
 * Events are {@link PeerEvent}s, one allocated per event, as an Esper application would; every event, not only
 * bids, is sent, and the statements filter. Esper is GPLv2: it is a dependency of this benchmark-only module and
 * must never become one of a runtime module.
 * <p>
 * Threading: one caller at a time; Esper runs the statements on that thread (no inbound or outbound threading).
 */
public final class EsperEngine implements PeerEngine
{
    private static final String EVENT_TYPE = "Event";
    private static final long END_SPAN_MS = 30_000;

    private final Configuration configuration = configuration();
    private final EPRuntime runtime = EPRuntimeProvider.getRuntime("ringflow-nexmark-" + System.identityHashCode(this),
        configuration);
    private final Map<PeerQuery, EPCompiled> compiled = new EnumMap<>(PeerQuery.class);

    /** Start the runtime. */
    public EsperEngine()
    {
    }

    @Override
    public String name()
    {
        return "esper";
    }

    @Override
    public String describe()
    {
        return "Esper " + RuntimeVersion.RUNTIME_VERSION + " in-process: " +
            "external clock at Ringflow's watermark + 1, windows as aggregating tables keyed by window end, " +
            "subscribers, no inbound or outbound threading";
    }

    @Override
    public Fingerprint fingerprint(final PeerQuery query, final NexmarkInput input)
    {
        final Fingerprint fingerprint = new Fingerprint();
        run(query, input, fingerprint);
        return fingerprint;
    }

    @Override
    public List<String> collect(final PeerQuery query, final NexmarkInput input)
    {
        final List<String> results = new ArrayList<>();
        run(query, input, ResultListener.rendering(results));
        return results;
    }

    private void run(final PeerQuery query, final NexmarkInput input, final ResultListener listener)
    {
        final EventArray events = EventArrays.of(input);
        final NexmarkEvent event = new NexmarkEvent();
        final long bound = NexmarkDriver.MAX_OUT_OF_ORDERNESS_MS;
        runtime.initialize();
        final EPEventService service = runtime.getEventService();
        // The clock before the first event: the watermark that event will set, plus one; no window can end earlier.
        long maxTimestamp = events.fill(0, event).dateTime();
        service.advanceTime(maxTimestamp - bound);
        deploy(query, listener);
        for (int i = 0, n = events.size(); i < n; i++)
        {
            final long timestamp = events.fill(i, event).dateTime();
            service.sendEventBean(PeerEvent.of(event), EVENT_TYPE);
            if (timestamp > maxTimestamp)
            {
                maxTimestamp = timestamp;
                service.advanceTimeSpan(maxTimestamp - bound);
            }
        }
        service.advanceTimeSpan(maxTimestamp + END_SPAN_MS);
    }

    private void deploy(final PeerQuery query, final ResultListener listener)
    {
        final EPDeployment deployment;
        try
        {
            deployment = runtime.getDeploymentService().deploy(compiled.computeIfAbsent(query, this::compile));
        }
        catch (final EPDeployException e)
        {
            throw new IllegalStateException("Esper could not deploy " + query, e);
        }
        final Object subscriber = query.windowed() ? new EsperResults.Windows(listener) : new EsperResults.Bids(listener);
        runtime.getDeploymentService().getStatement(deployment.getDeploymentId(), EsperQueries.RESULT)
            .setSubscriber(subscriber);
    }

    private EPCompiled compile(final PeerQuery query)
    {
        try
        {
            return EPCompilerProvider.getCompiler().compile(EsperQueries.epl(query), new CompilerArguments(configuration));
        }
        catch (final EPCompileException e)
        {
            throw new IllegalStateException("Esper could not compile " + query + ":\n" + EsperQueries.epl(query), e);
        }
    }

    private static Configuration configuration()
    {
        final Configuration configuration = new Configuration();
        final ConfigurationCommonEventTypeBean fields = new ConfigurationCommonEventTypeBean();
        fields.setAccessorStyle(AccessorStyle.PUBLIC);
        configuration.getCommon().addEventType(EVENT_TYPE, PeerEvent.class.getName(), fields);
        configuration.getCommon().addImport(PeerEvent.class);
        configuration.getCommon().addImport(WindowMax.class);
        configuration.getCommon().addImport(Q1CurrencyConversion.class);
        configuration.getCommon().addImport(Q2Selection.class);
        configuration.getCompiler().getByteCode().setAllowSubscriber(true);
        configuration.getRuntime().getThreading().setInternalTimerEnabled(false);
        // Esper logs a statement's exception and goes on by default; a result would then be missing, silently.
        configuration.getRuntime().getExceptionHandling().addClass(EsperFailFast.class);
        return configuration;
    }

    /** Destroys the runtime. */
    @Override
    public void close()
    {
        runtime.destroy();
    }
}
