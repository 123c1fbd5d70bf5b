package org.smartproperty.vote;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;

/** The smaller JSON shapes of docs/voting-contract.md (inputs and views); no owner names anywhere. */
public final class Views {

    private Views() {
    }

    /** A reason (cancel, suspend, resume). */
    public record Reason(String reason) {
    }

    /** One matter's choice in a cast; {@code choice} a {@link Choice} name. */
    public record ChoiceInput(Long matterId, String choice) {
    }

    /** Body of POST /votes/{id}/ballots. */
    public record BallotInput(List<ChoiceInput> choices) {
    }

    /** Body of POST /votes/{id}/paper-ballots: the elector, the choices and the scanned paper ballot (VOTE-6). */
    public record PaperBallotInput(String electorKey, List<ChoiceInput> choices, List<AttachmentInput> scan) {
    }

    /** A ballot's receipt (SHA-256 hex, 64 chars). */
    public record Receipt(long matterId, Choice choice, Channel channel, Instant castAt, String receipt, boolean changed) {
    }

    public record CastResult(List<Receipt> receipts) {
    }

    /** An elector of the frozen electorate (no names). */
    public record Elector(String key, ElectorKind kind, List<String> units, String area, int heads, boolean voted) {
    }

    public record ElectorPage(List<Elector> items, int page, int size, long total, long heads, String area, int unverifiedHouses) {
    }

    /** A counted ballot as the caller sees its own. */
    public record MyBallotLine(long matterId, Choice choice, Channel channel, Instant castAt, String receipt) {
    }

    /** GET /votes/{id}/my-ballot. */
    public record MyBallot(Elector elector, boolean canCast, boolean canChange, List<MyBallotLine> ballots) {
    }

    /** A ballot row for the initiator and the regulator (no names; the scan of a paper ballot). */
    public record BallotRow(String electorKey, List<String> units, long matterId, Choice choice, Channel channel, Instant castAt,
                            String receipt, List<Attachment> scan) {
    }

    /** Public receipt check: counted (the current ballot) or superseded (a changed one). */
    public record ReceiptCheck(String receipt, boolean counted, boolean superseded, long voteId, long matterId, Channel channel,
                               Instant castAt) {
    }

    /** The vote's history. */
    public record Event(String action, VoteStatus fromStatus, VoteStatus toStatus, String actor, Instant at, String reason) {
    }

    /** The recomputation of the stored tally from the ballots (VOTE-6: computed, reproducible). */
    public record Verification(boolean matches, String storedHash, String recomputedHash, long ballots) {
    }

    /** The estate's assembly setting on deemed votes (VOTE-7); version 0 = never set. */
    public record Setting(long estateId, boolean deemedAllowed, String basis, long version) {
    }

    public record SettingInput(Boolean deemedAllowed, String basis) {
    }

    /** A vote as the public sees it (DIS-4, MAP-6). */
    public record PublicVote(long id, long estateId, String estateName, String title, String initiatorKind, VoteStatus status,
                             Instant startsAt, Instant endsAt, Integer electorHeads, long participatingHeads, int matterCount) {
    }

    public record PublicMatter(long id, int seq, String title, MatterCategory category, int article) {
    }

    public record PublicVoteDetail(PublicVote vote, List<PublicMatter> matters, VoteResult result) {
    }
}
