package io.ringflow.perf.peers;

import com.espertech.esper.common.client.hook.exception.ExceptionHandler;
import com.espertech.esper.common.client.hook.exception.ExceptionHandlerContext;
import com.espertech.esper.common.client.hook.exception.ExceptionHandlerFactory;
import com.espertech.esper.common.client.hook.exception.ExceptionHandlerFactoryContext;

/**
 * Makes an exception in an Esper statement fail the run that caused it: Esper's default is to log it and go on,
 * which would leave a result out and void a comparison only by its fingerprint, far from the cause.
 * <p>
 * Threading: Esper calls the handler on the thread processing the event.
 */
public final class EsperFailFast implements ExceptionHandlerFactory
{
    /** For Esper, which instantiates the factory by class. */
    public EsperFailFast()
    {
    }

    @Override
    public ExceptionHandler getHandler(final ExceptionHandlerFactoryContext context)
    {
        return (ExceptionHandlerContext failure) -> {
            throw new IllegalStateException("Esper statement " + failure.getStatementName() + " failed: " +
                failure.getEpl(), failure.getThrowable());
        };
    }
}
