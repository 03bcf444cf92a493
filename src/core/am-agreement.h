/* am-agreement.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-document.h"

G_BEGIN_DECLS

/**
 * AmAgreementUnits:
 * @AM_AGREEMENT_UNITS_TOKENS: word-like tokens and punctuation (am_segment_words())
 * @AM_AGREEMENT_UNITS_CHARACTERS: every code point of the text
 *
 * The units Cohen's kappa and Krippendorff's alpha are computed on.
 */
typedef enum
{
  AM_AGREEMENT_UNITS_TOKENS,
  AM_AGREEMENT_UNITS_CHARACTERS,
} AmAgreementUnits;

/* Scores for one label (or all labels) between two annotators, or for the
 * whole group. Measures that are undefined (no data, no variation) are NAN.
 * For a pair (a, b), precision and recall take a as the reference.
 * For the group, F1/precision/recall/kappa are the mean over the pairs of
 * present annotators, alpha and alpha_u are the multi-annotator coefficients,
 * and the counts are summed over the pairs.
 */
typedef struct
{
  double precision_exact;
  double recall_exact;
  double f1_exact;
  double precision_overlap;
  double recall_overlap;
  double f1_overlap;
  double kappa;
  double alpha;
  double alpha_u;
  double link_f1_exact;      /* only for all labels (label -1) */
  double link_f1_overlap;

  guint  spans_a;
  guint  spans_b;
  guint  matched_exact;
  guint  matched_overlap;
  guint  label_disagreements;
  guint  boundary_disagreements;
  guint  only_a;
  guint  only_b;
  guint  links_a;
  guint  links_b;
  guint  links_matched_exact;
  guint  links_matched_overlap;
} AmAgreementScores;

#define AM_TYPE_AGREEMENT (am_agreement_get_type ())

G_DECLARE_FINAL_TYPE (AmAgreement, am_agreement, AM, AGREEMENT, GObject)

AmAgreement             *am_agreement_compute              (AmDocument * const *documents,
                                                            guint               n_documents,
                                                            const char * const *names,
                                                            AmAgreementUnits    units,
                                                            GError            **error);
AmAgreementUnits         am_agreement_get_units            (AmAgreement        *self);
AmText                  *am_agreement_get_text             (AmAgreement        *self);
guint                    am_agreement_get_n_units          (AmAgreement        *self);
guint                    am_agreement_get_n_annotators     (AmAgreement        *self);
const char              *am_agreement_get_annotator        (AmAgreement        *self,
                                                            guint               index);
gboolean                 am_agreement_is_missing           (AmAgreement        *self,
                                                            guint               index);
AmDocument              *am_agreement_get_document         (AmAgreement        *self,
                                                            guint               index);
guint                    am_agreement_get_n_labels         (AmAgreement        *self);
const char              *am_agreement_get_label            (AmAgreement        *self,
                                                            guint               index);
guint                    am_agreement_get_n_spans          (AmAgreement        *self,
                                                            guint               annotator,
                                                            int                 label);
guint                    am_agreement_get_n_moved          (AmAgreement        *self);
guint                    am_agreement_get_n_unplaced       (AmAgreement        *self);
const AmAgreementScores *am_agreement_get_pair_scores      (AmAgreement        *self,
                                                            guint               a,
                                                            guint               b,
                                                            int                 label);
const AmAgreementScores *am_agreement_get_group_scores     (AmAgreement        *self,
                                                            int                 label);
char                    *am_agreement_to_json              (AmAgreement        *self);

AmDocument              *am_agreement_align_document       (AmDocument         *reference,
                                                            AmDocument         *document,
                                                            guint              *n_moved,
                                                            guint              *n_unplaced,
                                                            GError            **error);

G_END_DECLS
