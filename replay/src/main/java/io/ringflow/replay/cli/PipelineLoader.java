package io.ringflow.replay.cli;

import io.ringflow.journal.durable.PipelineDefinition;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Loads the {@link PipelineDefinition} that {@code --pipeline <class>} names: a public class with a public
 * no-argument constructor on the classpath (the launcher adds {@code $RINGFLOW_CLASSPATH} to its own).
 * Loading runs the class's static initialisers and its constructor: the tool trusts the class it is given.
 * <p>
 * Threading: stateless.
 */
final class PipelineLoader
{
    private PipelineLoader()
    {
    }

    /**
     * @param className a fully qualified class name.
     * @return a new instance of it.
     * @throws BadInputException naming the class and what is wrong with it.
     */
    static PipelineDefinition<?, ?> load(final String className)
    {
        final Class<?> type = find(className);
        if (!PipelineDefinition.class.isAssignableFrom(type))
        {
            throw new BadInputException("pipeline class " + className + " does not implement " +
                PipelineDefinition.class.getName());
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers()))
        {
            throw new BadInputException("pipeline class " + className + " must be public and concrete");
        }
        final Constructor<?> constructor;
        try
        {
            constructor = type.getConstructor();
        }
        catch (final NoSuchMethodException ex)
        {
            throw new BadInputException("pipeline class " + className + " has no public no-argument constructor", ex);
        }
        try
        {
            return (PipelineDefinition<?, ?>)constructor.newInstance();
        }
        catch (final InvocationTargetException ex)
        {
            final Throwable cause = ex.getCause();
            throw new BadInputException("pipeline class " + className + ": its constructor threw " +
                cause.getClass().getName() + ": " + cause.getMessage(), cause);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new BadInputException("pipeline class " + className + " cannot be instantiated: " + ex, ex);
        }
    }

    private static Class<?> find(final String className)
    {
        final ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        final ClassLoader loader = null == contextLoader ? PipelineLoader.class.getClassLoader() : contextLoader;
        try
        {
            return Class.forName(className, true, loader);
        }
        catch (final ClassNotFoundException ex)
        {
            throw new BadInputException("unknown pipeline class " + className +
                ": not found on the classpath (put its jar or classes directory in RINGFLOW_CLASSPATH)", ex);
        }
        catch (final LinkageError ex)
        {
            throw new BadInputException("pipeline class " + className + " cannot be loaded: " + ex, ex);
        }
    }
}
