package org.smartproperty.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list plus the total count of matching rows. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total);
    }
}
