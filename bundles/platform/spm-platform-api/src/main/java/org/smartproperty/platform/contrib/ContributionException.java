package org.smartproperty.platform.contrib;

import java.util.List;

/** A contribution file that cannot be used; {@link #problems()} lists every problem found (key and reason). */
public class ContributionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ContributionException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
