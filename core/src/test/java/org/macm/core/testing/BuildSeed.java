package org.macm.core.testing;

import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Runs every jqwik property with the seed the build names in system property
 * {@value #PROPERTY}, so that CI is repeatable: the parent POM sets it when {@code CI=true}
 * (profile {@code ci}), and anyone can set it with {@code -Dmacm.jqwik.seed=N} to rerun every
 * property exactly as a CI run did. Without it jqwik picks a random seed per property, as usual.
 * Either way jqwik's failure report shows the seed ({@code seed = N}). A seed written on the
 * property itself ({@code @Property(seed = "...")}) is left alone.
 *
 * <p>jqwik has no setting for a default seed, hence this hook; it is registered for every
 * module's tests through {@code META-INF/services} in core's test jar.
 */
public final class BuildSeed implements AroundPropertyHook {
    /** The system property naming the seed. */
    public static final String PROPERTY = "macm.jqwik.seed";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        seedFor(context.attributes().seed(), Optional.ofNullable(System.getProperty(PROPERTY)))
                .ifPresent(seed -> context.attributes().setSeed(seed));
        return property.execute();
    }

    /**
     * The seed to impose on a property, if any: the build's, unless the property names its own
     * (then nothing is imposed) or the build names none (blank counts as none).
     */
    static Optional<String> seedFor(Optional<String> ownSeed, Optional<String> buildSeed) {
        if (ownSeed.filter(s -> !s.isBlank()).isPresent()) {
            return Optional.empty();
        }
        return buildSeed.map(String::strip).filter(s -> !s.isEmpty());
    }
}
