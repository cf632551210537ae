package care.tandem.ui.common;

import javafx.util.Callback;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The controller factory every FXMLLoader uses (including {@code <fx:include>}): controllers are made
 * only by the suppliers registered here, and an unregistered type fails loudly with its name.
 */
public final class ControllerRegistry implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> factories = new HashMap<>();

    public <T> ControllerRegistry register(Class<T> type, Supplier<? extends T> factory) {
        if (factories.putIfAbsent(type, factory) != null) {
            throw new IllegalStateException("Controller registered twice: " + type.getName());
        }
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> factory = factories.get(type);
        if (factory == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; register it in TandemApp's controller registry");
        }
        return factory.get();
    }
}
