package org.smartproperty.map;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One panel of an estate on the map (MAP-2..11). Which section is filled depends on {@code panel}: {@code overview} →
 * {@link #overview}, {@code company} → {@link #company}, {@code committee} → {@link #committee} (null when the estate has no
 * committee), {@code satisfaction} → {@link #satisfaction}, the lists (tenders, votes, notices, complaints, patrols, repairs)
 * → {@link #items} (newest first, at most {@link MapService#PANEL_ITEMS}) and {@link #total}. The public variant (PMAP) masks
 * personal data and names no owner.
 */
public record Panel(String panel, long estateId, String estateName, Overview overview, CompanyInfo company, CommitteeInfo committee,
                    List<Item> items, Long total, List<Satisfaction> satisfaction) {

    /** MAP-2: overview, location, developer, property company, community, property fee. */
    public record Overview(String name, String address, String community, Double longitude, Double latitude, String developer,
                           Long companyId, String companyName, BigDecimal feeStandard, String overview, long buildingCount,
                           long houseCount) {
    }

    /** MAP-3: the managing company and every estate it manages. */
    public record CompanyInfo(long id, String name, String creditCode, String legalRepresentative, String qualificationGrade,
                              String certificateNumber, String contact, String phone, String officeAddress, String status,
                              List<EstateRef> estates) {
    }

    /** MAP-4: the estate's owners' committee (head and phone masked for the public). */
    public record CommitteeInfo(long id, String name, String headName, String phone, String address, Long companyId,
                                String companyName, int memberCount, LocalDate termStart, LocalDate termEnd) {
    }

    public record EstateRef(long id, String name) {
    }

    /**
     * One line of a list panel: {@code kind} e.g. the tender's method, the notice's category, the complaint's category;
     * {@code status} the domain's status name; {@code at} when it happened (registered, published, created); {@code from} /
     * {@code until} a window or deadline (a vote's voting period, a notice's cut window, a tender's bid deadline in
     * {@code until}, a case's due time); {@code detail} the result (winner, resolution, fix); {@code count} and {@code of}
     * counts where the panel has them (a vote's participants and electorate).
     */
    public record Item(long id, String number, String title, String kind, String kindLabel, String status, Instant at,
                       Instant from, Instant until, String detail, Long count, Long of) {
    }

    /** MAP-11: a published satisfaction result of the estate's company or committee. */
    public record Satisfaction(long surveyId, String title, String subject, String name, LocalDate periodFrom, LocalDate periodTo,
                               BigDecimal score, BigDecimal responseRate, Integer rank, int ranked, boolean current) {
    }
}
