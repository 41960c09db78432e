package org.macm.station.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Catches an operating-system signal (TERM, INT, HUP) with {@code sun.misc.Signal} from module
 * jdk.unsupported, the JDK's supported way for applications to do so (a jlink runtime must
 * include that module). Reached by reflection because javac warns on every use of the class
 * ("internal proprietary API") with no way to suppress it, and the build treats warnings as errors.
 */
final class SignalTrap {
    private SignalTrap() {
    }

    /**
     * Runs {@code action} on the JVM's signal thread each time {@code name} arrives, in place of the
     * JVM's default (for TERM, INT and HUP: exit through the shutdown hooks).
     *
     * @throws IllegalArgumentException if this JVM does not let the signal be caught (e.g. -Xrs)
     */
    static void on(String name, Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object sig = signal.getConstructor(String.class).newInstance(name);
            Object h = Proxy.newProxyInstance(SignalTrap.class.getClassLoader(), new Class<?>[] {handler},
                    (proxy, method, args) -> answer(proxy, method, args, action, name));
            signal.getMethod("handle", signal, handler).invoke(null, sig, h);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("cannot catch SIG" + name + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot catch SIG" + name + " (no module jdk.unsupported?): " + e, e);
        }
    }

    private static Object answer(Object proxy, Method method, Object[] args, Runnable action, String name) {
        return switch (method.getName()) {
            case "handle" -> {
                action.run();
                yield null;
            }
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "SIG" + name + " handler";
        };
    }
}
