package org.smartproperty.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Company credit (SUP-CO-3; rules CRD-1..5 of DOMAIN-RULES.md): the company declares its base items and the regulator
 * verifies them item by item (CRD-1), good and bad records with a validity (CRD-2), score and grade as of any date with
 * the one-vote veto (CRD-3), appeals and credit repair (CRD-4), the blacklist (CRD-5) and the public summary (DIS-1).
 *
 * <p>Every method takes the caller and is one transaction; a company user sees and touches only its own company (404
 * otherwise). Invalid input is a 400 with all field errors, a stale version 412, a move the state forbids 409. Every
 * write is audited in the same transaction (object kinds {@code credit-declaration}, {@code credit-record},
 * {@code credit-appeal}, {@code credit-rule}).
 */
@ProviderType
public interface CreditService {

    /** Sort keys of {@link #companies}. */
    Set<String> SORT = Set.of("score", "grade", "companyName", "updatedAt", "companyId");
    /** Sort keys of {@link #records}. */
    Set<String> RECORD_SORT = Set.of("id", "occurredOn", "validUntil", "points");
    /** Sort keys of {@link #appeals}. */
    Set<String> APPEAL_SORT = Set.of("id", "submittedAt", "status");

    // ------------------------------------------------------------------ score and grade (CRD-1, CRD-3)

    Page<CompanyCredit> companies(SpmPrincipal caller, CreditQuery query, PageRequest page);

    /** Score, grade, records in force and history as of {@code asOf} (null = today, Asia/Shanghai). */
    CreditDetail company(SpmPrincipal caller, long companyId, LocalDate asOf);

    // ------------------------------------------------------------------ declaration (CRD-1), on the review kernel

    List<Declaration> declarations(SpmPrincipal caller, long companyId);

    List<ReviewEvent> declarationHistory(SpmPrincipal caller, long companyId);

    Declaration declare(SpmPrincipal caller, long companyId, DeclarationInput input);

    /** Approves the round with the verified points of every item (the base score is their sum within the category caps). */
    Declaration verify(SpmPrincipal caller, long companyId, long declarationId, long version, Verification verification);

    Declaration returnDeclaration(SpmPrincipal caller, long companyId, long declarationId, long version, String reason);

    // ------------------------------------------------------------------ records (CRD-2)

    Page<CreditRecord> records(SpmPrincipal caller, RecordQuery query, PageRequest page);

    CreditRecord record(SpmPrincipal caller, long recordId);

    /** A record issued by the regulator by hand, with evidence. */
    CreditRecord addRecord(SpmPrincipal caller, RecordInput input);

    /** Credit repair (信用修复): an active bad record is withdrawn early after rectification (CRD-4). */
    CreditRecord repair(SpmPrincipal caller, long recordId, long version, String reason, List<AttachmentInput> evidence);

    /** The rule table turning other domains' signals into records. */
    List<CreditRule> rules(SpmPrincipal caller);

    CreditRule updateRule(SpmPrincipal caller, String code, long version, RuleInput input);

    // ------------------------------------------------------------------ appeals (CRD-4)

    Page<Appeal> appeals(SpmPrincipal caller, AppealQuery query, PageRequest page);

    Appeal appeal(SpmPrincipal caller, long appealId);

    Appeal submitAppeal(SpmPrincipal caller, long recordId, String reason, List<AttachmentInput> evidence);

    /** The regulator keeps the record (the appeal is dismissed, with a reason). */
    Appeal uphold(SpmPrincipal caller, long appealId, long version, String reason);

    /** The regulator withdraws the record (the appeal succeeds). */
    Appeal withdraw(SpmPrincipal caller, long appealId, long version, String reason);

    // ------------------------------------------------------------------ public (DIS-1)

    Page<PublicCredit> publicCredit(String name, PageRequest page);
}
