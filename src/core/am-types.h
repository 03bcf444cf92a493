/* am-types.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AmAnnotation   AmAnnotation;
typedef struct _AmDocument     AmDocument;
typedef struct _AmLabel        AmLabel;
typedef struct _AmLabelSchema  AmLabelSchema;
typedef struct _AmLink         AmLink;
typedef struct _AmLoadReport   AmLoadReport;
typedef struct _AmRelationType AmRelationType;
typedef struct _AmText         AmText;

typedef enum
{
  AM_DOCUMENT_STATUS_NEW,
  AM_DOCUMENT_STATUS_IN_PROGRESS,
  AM_DOCUMENT_STATUS_DONE,
} AmDocumentStatus;

G_END_DECLS
