package org.smartproperty.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code spm backup}, {@code spm ip} …): alone, it prints its usage and exits 64. */
@Command
abstract class GroupCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Spm.USAGE;
    }
}
