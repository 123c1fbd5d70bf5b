package org.smartproperty.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.OpsException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Base of every leaf command of {@code spm}: the {@link Common} options ({@code --output},
 * {@code --config}, {@code --no-progress}), and one place that maps failures to exit codes and
 * prints them (localized; in JSON mode as an envelope with an {@code error} record).
 *
 * <p>A command implements {@link #command()} (its name in the JSON envelope, e.g.
 * {@code "passwords status"}) and {@link #run}; it returns 0/1/2/3 (Nagios) and throws
 * {@link OpsException} or {@link Common.Failure} for what it cannot do.
 */
abstract class OpsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Common common;

    /** The command's name in the JSON envelope. */
    abstract String command();

    abstract int run(PrintWriter out, PrintWriter err) throws Exception;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            common.json();
            return run(out, err);
        } catch (Common.Failure f) {
            common.endProgress(err);
            return common.fail(spec, command(), f.code, f.error);
        } catch (OpsException e) {
            common.endProgress(err);
            return common.fail(spec, command(), failureCode(e), e);
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            common.endProgress(err);
            return common.fail(spec, command(), Spm.UNKNOWN, new OpsException(e, "cli.failed", e.toString()));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The exit code of a failure: {@code cli.*} keys are bad usage, the rest UNKNOWN unless a command knows better. */
    int failureCode(OpsException e) {
        return e.key().startsWith("cli.") ? Spm.USAGE : Spm.UNKNOWN;
    }

    void print(PrintWriter out, ObjectNode envelope) {
        out.println(envelope.toString());
    }
}
