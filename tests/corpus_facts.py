"""Independent audit facts for the cncf/k8s-ai-conformance corpus (kaic integration tests).

These values were counted from the files themselves, NOT copied from kaic output (kaic did
not exist when they were written).  Method:

* ``git clone -q /work/shared/corpus/k8s-ai-conformance-2026-03-16.bundle /tmp/facts-k8s``
  plus ``git worktree add --detach`` of 04ca2f5d9e85088fa4c15de4c4928ef8fe2c926f, so both
  states were read as plain trees.
* Throw-away scripts in /tmp (plain PyYAML 6.0.3, ``yaml.compose`` for the node marks that
  give 1-based line numbers, ``yaml.safe_load`` for values) walked every
  ``vX.Y/<product>/PRODUCT.yaml`` and the matching ``docs/AIConformance-X.Y.yaml``; nothing
  from ``src/kaic`` was imported.
* Every PRODUCT.yaml at main was then read by eye (``cat -n``; the unedited checklist
  description lines were filtered out, descriptions were compared by script) and the flagged
  items were re-checked with grep -n; the 04ca2f5 tree differs from main only by 5 added
  files and one modified file (v1.33/rke2), whose old version was read as a git diff.
* History facts come from ``git log --first-parent`` / ``git rev-list`` on the clone.

Conventions used throughout:

* A "state" key is "04ca2f5" (bundle commit 04ca2f5d..., upstream 7ae8f57, 23 submissions)
  or "main" (bundle commit 07fbf515..., upstream 223d15f, 28 submissions).
* Submission paths are ``vX.Y/<product>/PRODUCT.yaml`` relative to the repo root, sorted
  with plain Python ``sorted()`` (code-point order, so "v1.34/OKE" sorts before "v1.34/ack").
* "Level" always means the level in that version's checklist (docs/AIConformance-X.Y.yaml),
  never the level the vendor wrote into the submission (two files edited it, see
  LEVEL_DIFFERS).
* Line numbers are 1-based and point at the KEY line of the offending field (``status:``,
  ``evidence:``, ``description:``, ``level:``, ``notes:``, a metadata key), except for
  evidence list entries (empty string, local paths), which point at the ``- item`` line.
* The checklists did not change between the two states (only docs/README.md did).
"""

# Bundle commit ids of the two audited states (from /work/shared/corpus/README.md; verified
# with git rev-parse on the clone).
STATE_COMMITS = {
    "04ca2f5": "04ca2f5d9e85088fa4c15de4c4928ef8fe2c926f",
    "main": "07fbf515ee4b6691f2d3b645e7af41e837554b59",
}


# Requirement id -> level, in file order, read from docs/AIConformance-X.Y.yaml (identical
# in both states).  v1.33 has dra_support as SHOULD; v1.34 makes it MUST; v1.35 adds three
# SHOULD ids under accelerators (driver_runtime_management, gpu_sharing,
# virtualized_accelerator).  MUST counts: v1.33 = 8, v1.34 = 9, v1.35 = 9.
CHECKLIST_LEVELS = {
    "v1.33": {
        "dra_support": "SHOULD",
        "ai_inference": "MUST",
        "gang_scheduling": "MUST",
        "cluster_autoscaling": "MUST",
        "pod_autoscaling": "MUST",
        "accelerator_metrics": "MUST",
        "ai_service_metrics": "MUST",
        "secure_accelerator_access": "MUST",
        "robust_controller": "MUST",
    },
    "v1.34": {
        "dra_support": "MUST",
        "ai_inference": "MUST",
        "gang_scheduling": "MUST",
        "cluster_autoscaling": "MUST",
        "pod_autoscaling": "MUST",
        "accelerator_metrics": "MUST",
        "ai_service_metrics": "MUST",
        "secure_accelerator_access": "MUST",
        "robust_controller": "MUST",
    },
    "v1.35": {
        "dra_support": "MUST",
        "driver_runtime_management": "SHOULD",
        "gpu_sharing": "SHOULD",
        "virtualized_accelerator": "SHOULD",
        "ai_inference": "MUST",
        "gang_scheduling": "MUST",
        "cluster_autoscaling": "MUST",
        "pod_autoscaling": "MUST",
        "accelerator_metrics": "MUST",
        "ai_service_metrics": "MUST",
        "secure_accelerator_access": "MUST",
        "robust_controller": "MUST",
    },
}


# Keys of the checklist's `metadata:` template, in file order (v1.35 adds k8sConformanceUrl).
CHECKLIST_METADATA_KEYS = {
    "v1.33": [
        "kubernetesVersion",
        "platformName",
        "platformVersion",
        "vendorName",
        "websiteUrl",
        "repoUrl",
        "documentationUrl",
        "productLogoUrl",
        "description",
        "contactEmailAddress",
    ],
    "v1.34": [
        "kubernetesVersion",
        "platformName",
        "platformVersion",
        "vendorName",
        "websiteUrl",
        "repoUrl",
        "documentationUrl",
        "productLogoUrl",
        "description",
        "contactEmailAddress",
    ],
    "v1.35": [
        "kubernetesVersion",
        "platformName",
        "platformVersion",
        "vendorName",
        "websiteUrl",
        "repoUrl",
        "documentationUrl",
        "productLogoUrl",
        "description",
        "contactEmailAddress",
        "k8sConformanceUrl",
    ],
}


# 1. Every vX.Y/<product>/PRODUCT.yaml in the tree (git ls-tree + os.listdir; no other YAML
# files exist under vX.Y/).  sorted() order.
SUBMISSIONS = {
    "04ca2f5": [
        "v1.33/chinaunicom-csk/PRODUCT.yaml",
        "v1.33/cks/PRODUCT.yaml",
        "v1.33/daocloud/PRODUCT.yaml",
        "v1.33/gardener/PRODUCT.yaml",
        "v1.33/giantswarm/PRODUCT.yaml",
        "v1.33/jdcloud/PRODUCT.yaml",
        "v1.33/openshift/PRODUCT.yaml",
        "v1.33/palette/PRODUCT.yaml",
        "v1.33/rke2/PRODUCT.yaml",
        "v1.33/talos/PRODUCT.yaml",
        "v1.34/OKE/PRODUCT.yaml",
        "v1.34/ack/PRODUCT.yaml",
        "v1.34/aks/PRODUCT.yaml",
        "v1.34/baidu_cce/PRODUCT.yaml",
        "v1.34/cks/PRODUCT.yaml",
        "v1.34/eks/PRODUCT.yaml",
        "v1.34/gardener/PRODUCT.yaml",
        "v1.34/gke/PRODUCT.yaml",
        "v1.34/kubermatic/PRODUCT.yaml",
        "v1.34/lke/PRODUCT.yaml",
        "v1.34/ovh/PRODUCT.yaml",
        "v1.34/talos/PRODUCT.yaml",
        "v1.34/vks/PRODUCT.yaml",
    ],
    "main": [
        "v1.33/chinaunicom-csk/PRODUCT.yaml",
        "v1.33/cks/PRODUCT.yaml",
        "v1.33/daocloud/PRODUCT.yaml",
        "v1.33/gardener/PRODUCT.yaml",
        "v1.33/giantswarm/PRODUCT.yaml",
        "v1.33/jdcloud/PRODUCT.yaml",
        "v1.33/jdos/PRODUCT.yaml",
        "v1.33/openshift/PRODUCT.yaml",
        "v1.33/palette/PRODUCT.yaml",
        "v1.33/rke2/PRODUCT.yaml",
        "v1.33/talos/PRODUCT.yaml",
        "v1.34/OKE/PRODUCT.yaml",
        "v1.34/ack/PRODUCT.yaml",
        "v1.34/aks/PRODUCT.yaml",
        "v1.34/baidu_cce/PRODUCT.yaml",
        "v1.34/cks/PRODUCT.yaml",
        "v1.34/eks/PRODUCT.yaml",
        "v1.34/gardener/PRODUCT.yaml",
        "v1.34/gke/PRODUCT.yaml",
        "v1.34/kubermatic/PRODUCT.yaml",
        "v1.34/lke/PRODUCT.yaml",
        "v1.34/openshift/PRODUCT.yaml",
        "v1.34/ovh/PRODUCT.yaml",
        "v1.34/rke2/PRODUCT.yaml",
        "v1.34/talos/PRODUCT.yaml",
        "v1.34/vks/PRODUCT.yaml",
        "v1.35/cks/PRODUCT.yaml",
        "v1.35/gke/PRODUCT.yaml",
    ],
}


# len(SUBMISSIONS[state]).
SUBMISSION_COUNTS = {"04ca2f5": 23, "main": 28}


# Counter of the version folder of each path in SUBMISSIONS.  Checklists exist for v1.33,
# v1.34 and v1.35 in both states; at 04ca2f5 v1.35/ holds only .gitkeep (0 submissions).
SUBMISSIONS_PER_VERSION = {
    "04ca2f5": {"v1.33": 10, "v1.34": 13},
    "main": {"v1.33": 11, "v1.34": 15, "v1.35": 2},
}


# 2. path -> (metadata.vendorName, metadata.platformName), raw strings exactly as loaded by
# yaml.safe_load (note the full-width parentheses in Baidu's platformName).  No file uses
# vendor_name/platform_name; vendorName/platformName are camelCase everywhere.
VENDORS = {
    "04ca2f5": {
        "v1.33/chinaunicom-csk/PRODUCT.yaml": ("Chinaunicom Cloud", "CSK"),
        "v1.33/cks/PRODUCT.yaml": ("CoreWeave", "CoreWeave Kubernetes Service (CKS)"),
        "v1.33/daocloud/PRODUCT.yaml": ("DaoCloud", "DaoCloud Enterprise"),
        "v1.33/gardener/PRODUCT.yaml": ("NeoNephos Foundation", "Gardener"),
        "v1.33/giantswarm/PRODUCT.yaml": ("Giant Swarm", "Giant Swarm Platform"),
        "v1.33/jdcloud/PRODUCT.yaml": ("JD Cloud", "JCS for Kubernetes"),
        "v1.33/openshift/PRODUCT.yaml": ("Red Hat", "OpenShift Container Platform"),
        "v1.33/palette/PRODUCT.yaml": ("Spectro Cloud", "Spectro Cloud Palette"),
        "v1.33/rke2/PRODUCT.yaml": ("SUSE", "RKE2"),
        "v1.33/talos/PRODUCT.yaml": ("Sidero Labs", "Talos Linux"),
        "v1.34/OKE/PRODUCT.yaml": ("Oracle", "OCI Kubernetes Engine (OKE)"),
        "v1.34/ack/PRODUCT.yaml": (
            "Alibaba Cloud",
            "Alibaba Cloud Container Service for Kubernetes",
        ),
        "v1.34/aks/PRODUCT.yaml": ("Microsoft", "Azure Kubernetes Service (AKS)"),
        "v1.34/baidu_cce/PRODUCT.yaml": ("Baidu Cloud", "CCE（Cloud Container Engine）"),
        "v1.34/cks/PRODUCT.yaml": ("CoreWeave", "CoreWeave Kubernetes Service (CKS)"),
        "v1.34/eks/PRODUCT.yaml": (
            "Amazon Web Services (AWS)",
            "Amazon Elastic Kubernetes Service (EKS)",
        ),
        "v1.34/gardener/PRODUCT.yaml": ("NeoNephos Foundation", "Gardener"),
        "v1.34/gke/PRODUCT.yaml": ("Google", "Google Kubernetes Engine"),
        "v1.34/kubermatic/PRODUCT.yaml": ("Kubermatic", "Kubermatic Kubernetes Platform"),
        "v1.34/lke/PRODUCT.yaml": ("Akamai", "Linode Kubernetes Engine (LKE)"),
        "v1.34/ovh/PRODUCT.yaml": ("OVHcloud", "OVHcloud Managed Kubernetes Service"),
        "v1.34/talos/PRODUCT.yaml": ("Sidero Labs", "Talos Linux"),
        "v1.34/vks/PRODUCT.yaml": ("Broadcom", "vSphere Kubernetes Service"),
    },
    "main": {
        "v1.33/chinaunicom-csk/PRODUCT.yaml": ("Chinaunicom Cloud", "CSK"),
        "v1.33/cks/PRODUCT.yaml": ("CoreWeave", "CoreWeave Kubernetes Service (CKS)"),
        "v1.33/daocloud/PRODUCT.yaml": ("DaoCloud", "DaoCloud Enterprise"),
        "v1.33/gardener/PRODUCT.yaml": ("NeoNephos Foundation", "Gardener"),
        "v1.33/giantswarm/PRODUCT.yaml": ("Giant Swarm", "Giant Swarm Platform"),
        "v1.33/jdcloud/PRODUCT.yaml": ("JD Cloud", "JCS for Kubernetes"),
        "v1.33/jdos/PRODUCT.yaml": ("JD.com", "JDOS"),
        "v1.33/openshift/PRODUCT.yaml": ("Red Hat", "OpenShift Container Platform"),
        "v1.33/palette/PRODUCT.yaml": ("Spectro Cloud", "Spectro Cloud Palette"),
        "v1.33/rke2/PRODUCT.yaml": ("SUSE", "RKE2"),
        "v1.33/talos/PRODUCT.yaml": ("Sidero Labs", "Talos Linux"),
        "v1.34/OKE/PRODUCT.yaml": ("Oracle", "OCI Kubernetes Engine (OKE)"),
        "v1.34/ack/PRODUCT.yaml": (
            "Alibaba Cloud",
            "Alibaba Cloud Container Service for Kubernetes",
        ),
        "v1.34/aks/PRODUCT.yaml": ("Microsoft", "Azure Kubernetes Service (AKS)"),
        "v1.34/baidu_cce/PRODUCT.yaml": ("Baidu Cloud", "CCE（Cloud Container Engine）"),
        "v1.34/cks/PRODUCT.yaml": ("CoreWeave", "CoreWeave Kubernetes Service (CKS)"),
        "v1.34/eks/PRODUCT.yaml": (
            "Amazon Web Services (AWS)",
            "Amazon Elastic Kubernetes Service (EKS)",
        ),
        "v1.34/gardener/PRODUCT.yaml": ("NeoNephos Foundation", "Gardener"),
        "v1.34/gke/PRODUCT.yaml": ("Google", "Google Kubernetes Engine"),
        "v1.34/kubermatic/PRODUCT.yaml": ("Kubermatic", "Kubermatic Kubernetes Platform"),
        "v1.34/lke/PRODUCT.yaml": ("Akamai", "Linode Kubernetes Engine (LKE)"),
        "v1.34/openshift/PRODUCT.yaml": ("Red Hat", "OpenShift Container Platform"),
        "v1.34/ovh/PRODUCT.yaml": ("OVHcloud", "OVHcloud Managed Kubernetes Service"),
        "v1.34/rke2/PRODUCT.yaml": ("SUSE", "RKE2"),
        "v1.34/talos/PRODUCT.yaml": ("Sidero Labs", "Talos Linux"),
        "v1.34/vks/PRODUCT.yaml": ("Broadcom", "vSphere Kubernetes Service"),
        "v1.35/cks/PRODUCT.yaml": ("CoreWeave", "CoreWeave Kubernetes Service (CKS)"),
        "v1.35/gke/PRODUCT.yaml": ("Google", "Google Kubernetes Engine"),
    },
}


# Files whose metadata mapping uses snake_case keys (any key containing '_'), sorted.  All are
# CoreWeave CKS (copied from the snake_case example in instructions.md).  They have no
# camelCase twin keys (no websiteUrl etc.).
SNAKE_CASE_METADATA_KEYS = {
    "04ca2f5": {
        "v1.33/cks/PRODUCT.yaml": [
            "contact_email_address",
            "documentation_url",
            "product_logo_url",
            "repo_url",
            "website_url",
        ],
        "v1.34/cks/PRODUCT.yaml": [
            "contact_email_address",
            "documentation_url",
            "product_logo_url",
            "repo_url",
            "website_url",
        ],
    },
    "main": {
        "v1.33/cks/PRODUCT.yaml": [
            "contact_email_address",
            "documentation_url",
            "product_logo_url",
            "repo_url",
            "website_url",
        ],
        "v1.34/cks/PRODUCT.yaml": [
            "contact_email_address",
            "documentation_url",
            "product_logo_url",
            "repo_url",
            "website_url",
        ],
        "v1.35/cks/PRODUCT.yaml": [
            "contact_email_address",
            "documentation_url",
            "product_logo_url",
            "repo_url",
            "website_url",
        ],
    },
}


# Keys at the document root other than metadata/spec: (key, line, value).  JD Cloud's
# contact_email_address sits at column 0, i.e. OUTSIDE metadata, so metadata has no contact
# email at all (seen by eye, confirmed by yaml.compose of the root mapping).
STRAY_TOP_LEVEL_KEYS = {
    "04ca2f5": {"v1.33/jdcloud/PRODUCT.yaml": [("contact_email_address", 14, "jdcloud@jd.com")]},
    "main": {"v1.33/jdcloud/PRODUCT.yaml": [("contact_email_address", 14, "jdcloud@jd.com")]},
}


# Distinct vendorName after folding: lower-case, collapse whitespace, strip ONE trailing
# parenthetical ("Amazon Web Services (AWS)" -> "amazon web services").  Sorted.  Note that
# "JD Cloud" (jdcloud) and "JD.com" (jdos, added after 04ca2f5) stay distinct.
FOLDED_VENDORS = {
    "04ca2f5": [
        "akamai",
        "alibaba cloud",
        "amazon web services",
        "baidu cloud",
        "broadcom",
        "chinaunicom cloud",
        "coreweave",
        "daocloud",
        "giant swarm",
        "google",
        "jd cloud",
        "kubermatic",
        "microsoft",
        "neonephos foundation",
        "oracle",
        "ovhcloud",
        "red hat",
        "sidero labs",
        "spectro cloud",
        "suse",
    ],
    "main": [
        "akamai",
        "alibaba cloud",
        "amazon web services",
        "baidu cloud",
        "broadcom",
        "chinaunicom cloud",
        "coreweave",
        "daocloud",
        "giant swarm",
        "google",
        "jd cloud",
        "jd.com",
        "kubermatic",
        "microsoft",
        "neonephos foundation",
        "oracle",
        "ovhcloud",
        "red hat",
        "sidero labs",
        "spectro cloud",
        "suse",
    ],
}


# len(FOLDED_VENDORS[state]).
DISTINCT_VENDOR_COUNTS = {"04ca2f5": 20, "main": 21}


# Folded vendor -> sorted version folders, for vendors with submissions in >= 2 versions.
MULTI_VERSION_VENDORS = {
    "04ca2f5": {
        "coreweave": ["v1.33", "v1.34"],
        "neonephos foundation": ["v1.33", "v1.34"],
        "sidero labs": ["v1.33", "v1.34"],
    },
    "main": {
        "coreweave": ["v1.33", "v1.34", "v1.35"],
        "google": ["v1.34", "v1.35"],
        "neonephos foundation": ["v1.33", "v1.34"],
        "red hat": ["v1.33", "v1.34"],
        "sidero labs": ["v1.33", "v1.34"],
        "suse": ["v1.33", "v1.34"],
    },
}


# 3. path -> {requirement id: raw status string} in file order (spec categories in file
# order, then list order).  "" = empty status; None would mean the key is absent (no file
# omits it).  Only one non-canonical value exists: "" in v1.33/jdcloud dra_support.
STATUSES = {
    "04ca2f5": {
        "v1.33/chinaunicom-csk/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/cks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/daocloud/PRODUCT.yaml": {
            "dra_support": "N/A",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "N/A",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/gardener/PRODUCT.yaml": {
            "dra_support": "Partially Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/giantswarm/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/jdcloud/PRODUCT.yaml": {
            "dra_support": "",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/openshift/PRODUCT.yaml": {
            "dra_support": "Not Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/palette/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/rke2/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/talos/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "N/A",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "N/A",
            "ai_service_metrics": "N/A",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/OKE/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/ack/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/aks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/baidu_cce/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/cks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/eks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/gardener/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/gke/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/kubermatic/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/lke/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/ovh/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/talos/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "N/A",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "N/A",
            "ai_service_metrics": "N/A",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/vks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
    },
    "main": {
        "v1.33/chinaunicom-csk/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/cks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/daocloud/PRODUCT.yaml": {
            "dra_support": "N/A",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "N/A",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/gardener/PRODUCT.yaml": {
            "dra_support": "Partially Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/giantswarm/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/jdcloud/PRODUCT.yaml": {
            "dra_support": "",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/jdos/PRODUCT.yaml": {
            "dra_support": "Partially Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/openshift/PRODUCT.yaml": {
            "dra_support": "Not Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/palette/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/rke2/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.33/talos/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "N/A",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "N/A",
            "ai_service_metrics": "N/A",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/OKE/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/ack/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/aks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/baidu_cce/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/cks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/eks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/gardener/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/gke/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/kubermatic/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/lke/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/openshift/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/ovh/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/rke2/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/talos/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "N/A",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "N/A",
            "ai_service_metrics": "N/A",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.34/vks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.35/cks/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
        "v1.35/gke/PRODUCT.yaml": {
            "dra_support": "Implemented",
            "driver_runtime_management": "Implemented",
            "gpu_sharing": "Implemented",
            "virtualized_accelerator": "Implemented",
            "ai_inference": "Implemented",
            "gang_scheduling": "Implemented",
            "cluster_autoscaling": "Implemented",
            "pod_autoscaling": "Implemented",
            "accelerator_metrics": "Implemented",
            "ai_service_metrics": "Implemented",
            "secure_accelerator_access": "Implemented",
            "robust_controller": "Implemented",
        },
    },
}


# 4. version -> requirement id (checklist order) -> level from the checklist and status
# counts.  total = submissions of that version that contain the id (the denominator); the
# five buckets add up to total; "other" = empty string or any non-canonical value (only the
# JD Cloud "").  v1.35 at main: cks omits the three SHOULD ids, hence total 1 for them.
# Cross-check with the 04ca2f5 reference analysis: DRA Implemented 6+13 = 19/23,
# cluster_autoscaling 8+12 = 20/23, accelerator/ai_service metrics 9+12 = 21/23 (it agrees).
REQUIREMENT_STATUS_COUNTS = {
    "04ca2f5": {
        "v1.33": {
            "dra_support": {
                "level": "SHOULD",
                "total": 10,
                "Implemented": 6,
                "Partially Implemented": 1,
                "Not Implemented": 1,
                "N/A": 1,
                "other": 1,
            },
            "ai_inference": {
                "level": "MUST",
                "total": 10,
                "Implemented": 10,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "gang_scheduling": {
                "level": "MUST",
                "total": 10,
                "Implemented": 10,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "cluster_autoscaling": {
                "level": "MUST",
                "total": 10,
                "Implemented": 8,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 2,
                "other": 0,
            },
            "pod_autoscaling": {
                "level": "MUST",
                "total": 10,
                "Implemented": 10,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "accelerator_metrics": {
                "level": "MUST",
                "total": 10,
                "Implemented": 9,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "ai_service_metrics": {
                "level": "MUST",
                "total": 10,
                "Implemented": 9,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "secure_accelerator_access": {
                "level": "MUST",
                "total": 10,
                "Implemented": 10,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "robust_controller": {
                "level": "MUST",
                "total": 10,
                "Implemented": 10,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
        },
        "v1.34": {
            "dra_support": {
                "level": "MUST",
                "total": 13,
                "Implemented": 13,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "ai_inference": {
                "level": "MUST",
                "total": 13,
                "Implemented": 13,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "gang_scheduling": {
                "level": "MUST",
                "total": 13,
                "Implemented": 13,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "cluster_autoscaling": {
                "level": "MUST",
                "total": 13,
                "Implemented": 12,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "pod_autoscaling": {
                "level": "MUST",
                "total": 13,
                "Implemented": 13,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "accelerator_metrics": {
                "level": "MUST",
                "total": 13,
                "Implemented": 12,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "ai_service_metrics": {
                "level": "MUST",
                "total": 13,
                "Implemented": 12,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "secure_accelerator_access": {
                "level": "MUST",
                "total": 13,
                "Implemented": 13,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "robust_controller": {
                "level": "MUST",
                "total": 13,
                "Implemented": 13,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
        },
    },
    "main": {
        "v1.33": {
            "dra_support": {
                "level": "SHOULD",
                "total": 11,
                "Implemented": 6,
                "Partially Implemented": 2,
                "Not Implemented": 1,
                "N/A": 1,
                "other": 1,
            },
            "ai_inference": {
                "level": "MUST",
                "total": 11,
                "Implemented": 11,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "gang_scheduling": {
                "level": "MUST",
                "total": 11,
                "Implemented": 11,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "cluster_autoscaling": {
                "level": "MUST",
                "total": 11,
                "Implemented": 9,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 2,
                "other": 0,
            },
            "pod_autoscaling": {
                "level": "MUST",
                "total": 11,
                "Implemented": 11,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "accelerator_metrics": {
                "level": "MUST",
                "total": 11,
                "Implemented": 10,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "ai_service_metrics": {
                "level": "MUST",
                "total": 11,
                "Implemented": 10,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "secure_accelerator_access": {
                "level": "MUST",
                "total": 11,
                "Implemented": 11,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "robust_controller": {
                "level": "MUST",
                "total": 11,
                "Implemented": 11,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
        },
        "v1.34": {
            "dra_support": {
                "level": "MUST",
                "total": 15,
                "Implemented": 15,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "ai_inference": {
                "level": "MUST",
                "total": 15,
                "Implemented": 15,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "gang_scheduling": {
                "level": "MUST",
                "total": 15,
                "Implemented": 15,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "cluster_autoscaling": {
                "level": "MUST",
                "total": 15,
                "Implemented": 14,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "pod_autoscaling": {
                "level": "MUST",
                "total": 15,
                "Implemented": 15,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "accelerator_metrics": {
                "level": "MUST",
                "total": 15,
                "Implemented": 14,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "ai_service_metrics": {
                "level": "MUST",
                "total": 15,
                "Implemented": 14,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 1,
                "other": 0,
            },
            "secure_accelerator_access": {
                "level": "MUST",
                "total": 15,
                "Implemented": 15,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "robust_controller": {
                "level": "MUST",
                "total": 15,
                "Implemented": 15,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
        },
        "v1.35": {
            "dra_support": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "driver_runtime_management": {
                "level": "SHOULD",
                "total": 1,
                "Implemented": 1,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "gpu_sharing": {
                "level": "SHOULD",
                "total": 1,
                "Implemented": 1,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "virtualized_accelerator": {
                "level": "SHOULD",
                "total": 1,
                "Implemented": 1,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "ai_inference": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "gang_scheduling": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "cluster_autoscaling": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "pod_autoscaling": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "accelerator_metrics": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "ai_service_metrics": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "secure_accelerator_access": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
            "robust_controller": {
                "level": "MUST",
                "total": 2,
                "Implemented": 2,
                "Partially Implemented": 0,
                "Not Implemented": 0,
                "N/A": 0,
                "other": 0,
            },
        },
    },
}


# 5. path -> (strict, lenient).  strict: every id that is MUST in the version's checklist
# has status exactly "Implemented".  lenient: every MUST is "Implemented" or "N/A" with
# non-empty (stripped) notes.  SHOULD ids never count.
FULL_CONFORMANCE = {
    "04ca2f5": {
        "v1.33/chinaunicom-csk/PRODUCT.yaml": (True, True),
        "v1.33/cks/PRODUCT.yaml": (True, True),
        "v1.33/daocloud/PRODUCT.yaml": (False, True),
        "v1.33/gardener/PRODUCT.yaml": (True, True),
        "v1.33/giantswarm/PRODUCT.yaml": (True, True),
        "v1.33/jdcloud/PRODUCT.yaml": (True, True),
        "v1.33/openshift/PRODUCT.yaml": (True, True),
        "v1.33/palette/PRODUCT.yaml": (True, True),
        "v1.33/rke2/PRODUCT.yaml": (True, True),
        "v1.33/talos/PRODUCT.yaml": (False, True),
        "v1.34/OKE/PRODUCT.yaml": (True, True),
        "v1.34/ack/PRODUCT.yaml": (True, True),
        "v1.34/aks/PRODUCT.yaml": (True, True),
        "v1.34/baidu_cce/PRODUCT.yaml": (True, True),
        "v1.34/cks/PRODUCT.yaml": (True, True),
        "v1.34/eks/PRODUCT.yaml": (True, True),
        "v1.34/gardener/PRODUCT.yaml": (True, True),
        "v1.34/gke/PRODUCT.yaml": (True, True),
        "v1.34/kubermatic/PRODUCT.yaml": (True, True),
        "v1.34/lke/PRODUCT.yaml": (True, True),
        "v1.34/ovh/PRODUCT.yaml": (True, True),
        "v1.34/talos/PRODUCT.yaml": (False, True),
        "v1.34/vks/PRODUCT.yaml": (True, True),
    },
    "main": {
        "v1.33/chinaunicom-csk/PRODUCT.yaml": (True, True),
        "v1.33/cks/PRODUCT.yaml": (True, True),
        "v1.33/daocloud/PRODUCT.yaml": (False, True),
        "v1.33/gardener/PRODUCT.yaml": (True, True),
        "v1.33/giantswarm/PRODUCT.yaml": (True, True),
        "v1.33/jdcloud/PRODUCT.yaml": (True, True),
        "v1.33/jdos/PRODUCT.yaml": (True, True),
        "v1.33/openshift/PRODUCT.yaml": (True, True),
        "v1.33/palette/PRODUCT.yaml": (True, True),
        "v1.33/rke2/PRODUCT.yaml": (True, True),
        "v1.33/talos/PRODUCT.yaml": (False, True),
        "v1.34/OKE/PRODUCT.yaml": (True, True),
        "v1.34/ack/PRODUCT.yaml": (True, True),
        "v1.34/aks/PRODUCT.yaml": (True, True),
        "v1.34/baidu_cce/PRODUCT.yaml": (True, True),
        "v1.34/cks/PRODUCT.yaml": (True, True),
        "v1.34/eks/PRODUCT.yaml": (True, True),
        "v1.34/gardener/PRODUCT.yaml": (True, True),
        "v1.34/gke/PRODUCT.yaml": (True, True),
        "v1.34/kubermatic/PRODUCT.yaml": (True, True),
        "v1.34/lke/PRODUCT.yaml": (True, True),
        "v1.34/openshift/PRODUCT.yaml": (True, True),
        "v1.34/ovh/PRODUCT.yaml": (True, True),
        "v1.34/rke2/PRODUCT.yaml": (True, True),
        "v1.34/talos/PRODUCT.yaml": (False, True),
        "v1.34/vks/PRODUCT.yaml": (True, True),
        "v1.35/cks/PRODUCT.yaml": (True, True),
        "v1.35/gke/PRODUCT.yaml": (True, True),
    },
}


# MUST ids that break strict conformance, per failing submission (all are "N/A").
STRICT_FAILURES = {
    "04ca2f5": {
        "v1.33/daocloud/PRODUCT.yaml": ["cluster_autoscaling"],
        "v1.33/talos/PRODUCT.yaml": [
            "cluster_autoscaling",
            "accelerator_metrics",
            "ai_service_metrics",
        ],
        "v1.34/talos/PRODUCT.yaml": [
            "cluster_autoscaling",
            "accelerator_metrics",
            "ai_service_metrics",
        ],
    },
    "main": {
        "v1.33/daocloud/PRODUCT.yaml": ["cluster_autoscaling"],
        "v1.33/talos/PRODUCT.yaml": [
            "cluster_autoscaling",
            "accelerator_metrics",
            "ai_service_metrics",
        ],
        "v1.34/talos/PRODUCT.yaml": [
            "cluster_autoscaling",
            "accelerator_metrics",
            "ai_service_metrics",
        ],
    },
}


# Nobody fails the lenient rule: every N/A on a MUST carries notes.
LENIENT_FAILURES = {"04ca2f5": {}, "main": {}}


# Number of strictly conformant submissions per version and in total.
STRICT_CONFORMANT_COUNTS = {
    "04ca2f5": {"v1.33": 8, "v1.34": 12, "total": 20},
    "main": {"v1.33": 9, "v1.34": 14, "v1.35": 2, "total": 25},
}


# Number of leniently conformant submissions per version and in total.
LENIENT_CONFORMANT_COUNTS = {
    "04ca2f5": {"v1.33": 10, "v1.34": 13, "total": 23},
    "main": {"v1.33": 11, "v1.34": 15, "v1.35": 2, "total": 28},
}


# The 04ca2f5 reference analysis claims "Full Conformance (All MUST) 22 (96%)".  The data does
# not support it under either MUST rule: strict gives 20/23 (daocloud v1.33 and talos v1.33 +
# v1.34 use N/A on MUST ids), lenient gives 23/23 (all those N/A have notes).  22/23 is what
# you get by excluding only Red Hat OpenShift v1.33, whose single non-Implemented status is
# "Not Implemented" on dra_support -- a SHOULD in v1.33 (its own table prints OpenShift's DRA
# as "N" while printing Talos's N/A cells as "-").  So the reference treated DRA as if it
# were a MUST in v1.33 and treated N/A as passing.
REFERENCE_FULL_CONFORMANCE_CLAIM = {
    "claimed": "22/23",
    "strict": "20/23",
    "lenient": "23/23",
    "rule_that_gives_22": "no status equals 'Not Implemented' on ANY requirement, MUST or SHOULD",
    "only_excluded_by_that_rule": "v1.33/openshift/PRODUCT.yaml",
}


# 6. (path, id, line of `evidence:`, value): evidence is a YAML string, not a list (isinstance
# str after safe_load).  All six are Talos `evidence: "N/A"` on N/A MUST ids.
EVIDENCE_PLAIN_STRING = {
    "04ca2f5": [
        ("v1.33/talos/PRODUCT.yaml", "cluster_autoscaling", 46, "N/A"),
        ("v1.33/talos/PRODUCT.yaml", "accelerator_metrics", 60, "N/A"),
        ("v1.33/talos/PRODUCT.yaml", "ai_service_metrics", 66, "N/A"),
        ("v1.34/talos/PRODUCT.yaml", "cluster_autoscaling", 46, "N/A"),
        ("v1.34/talos/PRODUCT.yaml", "accelerator_metrics", 60, "N/A"),
        ("v1.34/talos/PRODUCT.yaml", "ai_service_metrics", 66, "N/A"),
    ],
    "main": [
        ("v1.33/talos/PRODUCT.yaml", "cluster_autoscaling", 46, "N/A"),
        ("v1.33/talos/PRODUCT.yaml", "accelerator_metrics", 60, "N/A"),
        ("v1.33/talos/PRODUCT.yaml", "ai_service_metrics", 66, "N/A"),
        ("v1.34/talos/PRODUCT.yaml", "cluster_autoscaling", 46, "N/A"),
        ("v1.34/talos/PRODUCT.yaml", "accelerator_metrics", 60, "N/A"),
        ("v1.34/talos/PRODUCT.yaml", "ai_service_metrics", 66, "N/A"),
    ],
}


# (path, id, line of the `- ""` item, status, checklist level): evidence lists holding "".
# The reference only lists the chinaunicom one; there are four.
EVIDENCE_EMPTY_STRING = {
    "04ca2f5": [
        ("v1.33/chinaunicom-csk/PRODUCT.yaml", "dra_support", 23, "Implemented", "SHOULD"),
        ("v1.33/daocloud/PRODUCT.yaml", "dra_support", 23, "N/A", "SHOULD"),
        ("v1.33/daocloud/PRODUCT.yaml", "cluster_autoscaling", 50, "N/A", "MUST"),
        ("v1.33/openshift/PRODUCT.yaml", "dra_support", 22, "Not Implemented", "SHOULD"),
    ],
    "main": [
        ("v1.33/chinaunicom-csk/PRODUCT.yaml", "dra_support", 23, "Implemented", "SHOULD"),
        ("v1.33/daocloud/PRODUCT.yaml", "dra_support", 23, "N/A", "SHOULD"),
        ("v1.33/daocloud/PRODUCT.yaml", "cluster_autoscaling", 50, "N/A", "MUST"),
        ("v1.33/openshift/PRODUCT.yaml", "dra_support", 22, "Not Implemented", "SHOULD"),
    ],
}


# (path, id, line of `status:`, checklist level, evidence given?, notes given?): status is ""
# (none is absent).  Only JD Cloud dra_support: on a SHOULD, with 1 evidence URL and notes.
EMPTY_STATUS = {
    "04ca2f5": [("v1.33/jdcloud/PRODUCT.yaml", "dra_support", 21, "SHOULD", True, True)],
    "main": [("v1.33/jdcloud/PRODUCT.yaml", "dra_support", 21, "SHOULD", True, True)],
}


# (path, id, line of `description:`): description != checklist description after folding
# runs of whitespace (" ".join(s.split())).  Palette v1.33 rewrote 8 of its 9 descriptions
# (all but dra_support); gardener v1.33 and jdos v1.33 truncated
# accelerator_metrics (dropped everything after the first two sentences); jdcloud and
# openshift v1.33 dropped "Support"/"to" from dra_support.  No whitespace-only differences.
DESCRIPTION_DIFFERS = {
    "04ca2f5": [
        ("v1.33/gardener/PRODUCT.yaml", "accelerator_metrics", 68),
        ("v1.33/jdcloud/PRODUCT.yaml", "dra_support", 19),
        ("v1.33/openshift/PRODUCT.yaml", "dra_support", 18),
        ("v1.33/palette/PRODUCT.yaml", "ai_inference", 26),
        ("v1.33/palette/PRODUCT.yaml", "gang_scheduling", 36),
        ("v1.33/palette/PRODUCT.yaml", "cluster_autoscaling", 44),
        ("v1.33/palette/PRODUCT.yaml", "pod_autoscaling", 53),
        ("v1.33/palette/PRODUCT.yaml", "accelerator_metrics", 62),
        ("v1.33/palette/PRODUCT.yaml", "ai_service_metrics", 72),
        ("v1.33/palette/PRODUCT.yaml", "secure_accelerator_access", 82),
        ("v1.33/palette/PRODUCT.yaml", "robust_controller", 91),
    ],
    "main": [
        ("v1.33/gardener/PRODUCT.yaml", "accelerator_metrics", 68),
        ("v1.33/jdcloud/PRODUCT.yaml", "dra_support", 19),
        ("v1.33/jdos/PRODUCT.yaml", "accelerator_metrics", 69),
        ("v1.33/openshift/PRODUCT.yaml", "dra_support", 18),
        ("v1.33/palette/PRODUCT.yaml", "ai_inference", 26),
        ("v1.33/palette/PRODUCT.yaml", "gang_scheduling", 36),
        ("v1.33/palette/PRODUCT.yaml", "cluster_autoscaling", 44),
        ("v1.33/palette/PRODUCT.yaml", "pod_autoscaling", 53),
        ("v1.33/palette/PRODUCT.yaml", "accelerator_metrics", 62),
        ("v1.33/palette/PRODUCT.yaml", "ai_service_metrics", 72),
        ("v1.33/palette/PRODUCT.yaml", "secure_accelerator_access", 82),
        ("v1.33/palette/PRODUCT.yaml", "robust_controller", 91),
    ],
}


# (path, id, line of `level:`, level in file, level in checklist).
LEVEL_DIFFERS = {
    "04ca2f5": [("v1.33/talos/PRODUCT.yaml", "dra_support", 20, "MUST", "SHOULD")],
    "main": [
        ("v1.33/talos/PRODUCT.yaml", "dra_support", 20, "MUST", "SHOULD"),
        ("v1.34/rke2/PRODUCT.yaml", "dra_support", 21, "SHOULD", "MUST"),
    ],
}


# Requirement ids not in the version's checklist: none in either state.
UNKNOWN_IDS = {"04ca2f5": [], "main": []}


# Requirement ids occurring twice in one file: none (also no duplicate mapping keys).
DUPLICATE_IDS = {"04ca2f5": [], "main": []}


# (path, id, checklist level): checklist ids absent from the submission.  Only CoreWeave
# v1.35 (it copied its v1.34 file and lacks the 3 new SHOULD ids); none at 04ca2f5.
MISSING_REQUIREMENTS = {
    "04ca2f5": [],
    "main": [
        ("v1.35/cks/PRODUCT.yaml", "driver_runtime_management", "SHOULD"),
        ("v1.35/cks/PRODUCT.yaml", "gpu_sharing", "SHOULD"),
        ("v1.35/cks/PRODUCT.yaml", "virtualized_accelerator", "SHOULD"),
    ],
}


# (path, id, line of the list item, value, exists): evidence list entries that are non-empty
# strings not starting with http:// or https:// (the plain-string "N/A" evidences of
# EVIDENCE_PLAIN_STRING are left out).  exists = os.path.exists(<product folder>/<value with
# any '#fragment' removed>) on the checked-out tree.  24 entries in each state.
LOCAL_EVIDENCE = {
    "04ca2f5": [
        ("v1.33/daocloud/PRODUCT.yaml", "ai_inference", 31, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "ai_inference", 32, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "gang_scheduling", 41, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "gang_scheduling", 42, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "pod_autoscaling", 57, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "pod_autoscaling", 58, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "accelerator_metrics", 67, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "accelerator_metrics", 68, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "ai_service_metrics", 77, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "ai_service_metrics", 78, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "secure_accelerator_access", 87, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "secure_accelerator_access", 88, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "robust_controller", 96, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "robust_controller", 97, "junit_01.xml", True),
        (
            "v1.33/giantswarm/PRODUCT.yaml",
            "secure_accelerator_access",
            79,
            "secure_accelerator_access_tests.md",
            False,
        ),
        (
            "v1.33/palette/PRODUCT.yaml",
            "secure_accelerator_access",
            86,
            "ai-cncf-conformance-secure-access.md",
            True,
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
            False,
        ),
        (
            "v1.34/kubermatic/PRODUCT.yaml",
            "secure_accelerator_access",
            83,
            "secure_accelerator_access.md",
            True,
        ),
        ("v1.34/ovh/PRODUCT.yaml", "dra_support", 24, "./dra.yaml", False),
        (
            "v1.34/ovh/PRODUCT.yaml",
            "gang_scheduling",
            40,
            "./schedulingOrchestration.md#gang_scheduling",
            True,
        ),
        (
            "v1.34/ovh/PRODUCT.yaml",
            "pod_autoscaling",
            54,
            "./schedulingOrchestration.md#pod_autoscaling",
            True,
        ),
        (
            "v1.34/ovh/PRODUCT.yaml",
            "secure_accelerator_access",
            77,
            "./security.md#secure_accelerator_access",
            True,
        ),
        ("v1.34/ovh/PRODUCT.yaml", "robust_controller", 85, "./operator.md", True),
        (
            "v1.34/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
            False,
        ),
    ],
    "main": [
        ("v1.33/daocloud/PRODUCT.yaml", "ai_inference", 31, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "ai_inference", 32, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "gang_scheduling", 41, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "gang_scheduling", 42, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "pod_autoscaling", 57, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "pod_autoscaling", 58, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "accelerator_metrics", 67, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "accelerator_metrics", 68, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "ai_service_metrics", 77, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "ai_service_metrics", 78, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "secure_accelerator_access", 87, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "secure_accelerator_access", 88, "junit_01.xml", True),
        ("v1.33/daocloud/PRODUCT.yaml", "robust_controller", 96, "e2e.log", True),
        ("v1.33/daocloud/PRODUCT.yaml", "robust_controller", 97, "junit_01.xml", True),
        (
            "v1.33/giantswarm/PRODUCT.yaml",
            "secure_accelerator_access",
            79,
            "secure_accelerator_access_tests.md",
            False,
        ),
        (
            "v1.33/palette/PRODUCT.yaml",
            "secure_accelerator_access",
            86,
            "ai-cncf-conformance-secure-access.md",
            True,
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
            False,
        ),
        (
            "v1.34/kubermatic/PRODUCT.yaml",
            "secure_accelerator_access",
            83,
            "secure_accelerator_access.md",
            True,
        ),
        ("v1.34/ovh/PRODUCT.yaml", "dra_support", 24, "./dra.yaml", False),
        (
            "v1.34/ovh/PRODUCT.yaml",
            "gang_scheduling",
            40,
            "./schedulingOrchestration.md#gang_scheduling",
            True,
        ),
        (
            "v1.34/ovh/PRODUCT.yaml",
            "pod_autoscaling",
            54,
            "./schedulingOrchestration.md#pod_autoscaling",
            True,
        ),
        (
            "v1.34/ovh/PRODUCT.yaml",
            "secure_accelerator_access",
            77,
            "./security.md#secure_accelerator_access",
            True,
        ),
        ("v1.34/ovh/PRODUCT.yaml", "robust_controller", 85, "./operator.md", True),
        (
            "v1.34/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
            False,
        ),
    ],
}


# LOCAL_EVIDENCE entries with exists False, literal rule.  The two Talos entries are prose
# ("see secure_accelerator_access.md"); the file they name does exist in the folder.
BROKEN_LOCAL_EVIDENCE = {
    "04ca2f5": [
        (
            "v1.33/giantswarm/PRODUCT.yaml",
            "secure_accelerator_access",
            79,
            "secure_accelerator_access_tests.md",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
        ),
        ("v1.34/ovh/PRODUCT.yaml", "dra_support", 24, "./dra.yaml"),
        (
            "v1.34/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
        ),
    ],
    "main": [
        (
            "v1.33/giantswarm/PRODUCT.yaml",
            "secure_accelerator_access",
            79,
            "secure_accelerator_access_tests.md",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
        ),
        ("v1.34/ovh/PRODUCT.yaml", "dra_support", 24, "./dra.yaml"),
        (
            "v1.34/talos/PRODUCT.yaml",
            "secure_accelerator_access",
            74,
            "see secure_accelerator_access.md",
        ),
    ],
}


# The genuinely missing targets: giantswarm names secure_accelerator_access_tests.md but
# ships secure_accelerator_access.md; OVH names ./dra.yaml but ships dra.md.
BROKEN_LOCAL_EVIDENCE_TARGET_MISSING = {
    "04ca2f5": [
        (
            "v1.33/giantswarm/PRODUCT.yaml",
            "secure_accelerator_access",
            79,
            "secure_accelerator_access_tests.md",
        ),
        ("v1.34/ovh/PRODUCT.yaml", "dra_support", 24, "./dra.yaml"),
    ],
    "main": [
        (
            "v1.33/giantswarm/PRODUCT.yaml",
            "secure_accelerator_access",
            79,
            "secure_accelerator_access_tests.md",
        ),
        ("v1.34/ovh/PRODUCT.yaml", "dra_support", 24, "./dra.yaml"),
    ],
}


# (path, id, line of `status:`, notes): status "N/A" on an id that is MUST in the checklist.
NA_ON_MUST = {
    "04ca2f5": [
        (
            "v1.33/daocloud/PRODUCT.yaml",
            "cluster_autoscaling",
            48,
            "DaoCloud Enterprise run Kubernetes on-premises and does not provide any cluster "
            "autoscaler like karpenter.",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "cluster_autoscaling",
            45,
            "Talos Linux works with customer provided machines. In a cloud or virtualized "
            "environment autoscalers such as the Kubernetes cluster autoscaler can be used, "
            "but it is not required and does not work for edge or on-premesis "
            "infrastructure.",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "accelerator_metrics",
            59,
            "Kubernetes cluster managed by Talos linux and Omni support deploying DCGM "
            "(NVIDIA), but they do not provide integrated workload deployment, monitoring, "
            "or observability.",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "ai_service_metrics",
            65,
            "Talos Linux allows for a variety of monitoring tools to be installed in the "
            "clusters, but it does not have access to Kubernetes workloads and does not "
            "scrape metrics directly.",
        ),
        (
            "v1.34/talos/PRODUCT.yaml",
            "cluster_autoscaling",
            45,
            "Talos Linux works with customer provided machines. In a cloud or virtualized "
            "environment autoscalers such as the Kubernetes cluster autoscaler can be used, "
            "but it is not required and does not work for edge or on-premesis "
            "infrastructure.",
        ),
        (
            "v1.34/talos/PRODUCT.yaml",
            "accelerator_metrics",
            59,
            "Kubernetes cluster managed by Talos linux and Omni support deploying DCGM "
            "(NVIDIA), but they do not provide integrated workload deployment, monitoring, "
            "or observability.",
        ),
        (
            "v1.34/talos/PRODUCT.yaml",
            "ai_service_metrics",
            65,
            "Talos Linux allows for a variety of monitoring tools to be installed in the "
            "clusters, but it does not have access to Kubernetes workloads and does not "
            "scrape metrics directly.",
        ),
    ],
    "main": [
        (
            "v1.33/daocloud/PRODUCT.yaml",
            "cluster_autoscaling",
            48,
            "DaoCloud Enterprise run Kubernetes on-premises and does not provide any cluster "
            "autoscaler like karpenter.",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "cluster_autoscaling",
            45,
            "Talos Linux works with customer provided machines. In a cloud or virtualized "
            "environment autoscalers such as the Kubernetes cluster autoscaler can be used, but "
            "it is not required and does not work for edge or on-premesis infrastructure.",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "accelerator_metrics",
            59,
            "Kubernetes cluster managed by Talos linux and Omni support deploying DCGM "
            "(NVIDIA), but they do not provide integrated workload deployment, monitoring, or "
            "observability.",
        ),
        (
            "v1.33/talos/PRODUCT.yaml",
            "ai_service_metrics",
            65,
            "Talos Linux allows for a variety of monitoring tools to be installed in the "
            "clusters, but it does not have access to Kubernetes workloads and does not scrape "
            "metrics directly.",
        ),
        (
            "v1.34/talos/PRODUCT.yaml",
            "cluster_autoscaling",
            45,
            "Talos Linux works with customer provided machines. In a cloud or virtualized "
            "environment autoscalers such as the Kubernetes cluster autoscaler can be used, but "
            "it is not required and does not work for edge or on-premesis infrastructure.",
        ),
        (
            "v1.34/talos/PRODUCT.yaml",
            "accelerator_metrics",
            59,
            "Kubernetes cluster managed by Talos linux and Omni support deploying DCGM "
            "(NVIDIA), but they do not provide integrated workload deployment, monitoring, or "
            "observability.",
        ),
        (
            "v1.34/talos/PRODUCT.yaml",
            "ai_service_metrics",
            65,
            "Talos Linux allows for a variety of monitoring tools to be installed in the "
            "clusters, but it does not have access to Kubernetes workloads and does not scrape "
            "metrics directly.",
        ),
    ],
}


# "Not Implemented" on a MUST id: none.  The only "Not Implemented" anywhere is
# v1.33/openshift dra_support (SHOULD), line 20.
NOT_IMPLEMENTED_ON_MUST = {"04ca2f5": [], "main": []}


# (path, id, line of `status:`, checklist level) for every "Not Implemented".
NOT_IMPLEMENTED_ANY = {
    "04ca2f5": [("v1.33/openshift/PRODUCT.yaml", "dra_support", 20, "SHOULD")],
    "main": [("v1.33/openshift/PRODUCT.yaml", "dra_support", 20, "SHOULD")],
}


# (path, key, line, value): metadata values copied from instructions.md's fictional example
# (regex yoyo|turbo.?encabulator, case-insensitive, on every metadata value).  Only CoreWeave
# CKS (v1.33, v1.34, and v1.35 at main): repo_url and product_logo_url.  No vendorName or
# platformName says Yoyodyne / Turbo Encabulator.
FICTIONAL_EXAMPLE_METADATA = {
    "04ca2f5": [
        ("v1.33/cks/PRODUCT.yaml", "repo_url", 7, "https://github.com/yoyo.dyne/turbo-encabulator"),
        (
            "v1.33/cks/PRODUCT.yaml",
            "product_logo_url",
            9,
            "https://yoyo.dyne/assets/turbo-encabulator.svg",
        ),
        ("v1.34/cks/PRODUCT.yaml", "repo_url", 7, "https://github.com/yoyo.dyne/turbo-encabulator"),
        (
            "v1.34/cks/PRODUCT.yaml",
            "product_logo_url",
            9,
            "https://yoyo.dyne/assets/turbo-encabulator.svg",
        ),
    ],
    "main": [
        ("v1.33/cks/PRODUCT.yaml", "repo_url", 7, "https://github.com/yoyo.dyne/turbo-encabulator"),
        (
            "v1.33/cks/PRODUCT.yaml",
            "product_logo_url",
            9,
            "https://yoyo.dyne/assets/turbo-encabulator.svg",
        ),
        ("v1.34/cks/PRODUCT.yaml", "repo_url", 7, "https://github.com/yoyo.dyne/turbo-encabulator"),
        (
            "v1.34/cks/PRODUCT.yaml",
            "product_logo_url",
            9,
            "https://yoyo.dyne/assets/turbo-encabulator.svg",
        ),
        ("v1.35/cks/PRODUCT.yaml", "repo_url", 7, "https://github.com/yoyo.dyne/turbo-encabulator"),
        (
            "v1.35/cks/PRODUCT.yaml",
            "product_logo_url",
            9,
            "https://yoyo.dyne/assets/turbo-encabulator.svg",
        ),
    ],
}


# Template placeholders such as "[Website URL]" left in metadata: none (regex \[...\] on all
# metadata values).
PLACEHOLDERS = {"04ca2f5": [], "main": []}


# kubernetesVersion whose major.minor differs from the vX.Y folder: none.  Every file has
# kubernetesVersion exactly "vX.Y" (string) equal to its folder.
K8S_VERSION_FOLDER_MISMATCH = {"04ca2f5": [], "main": []}


# kubernetesVersion with a patch component (e.g. v1.35.3): none in these two states (the
# corpus README says that quirk appears in later states).  Do not confuse with
# platformVersion, where jdcloud has "v1.33.3" (line 8).
K8S_VERSION_WITH_PATCH = {"04ca2f5": [], "main": []}


# (path, key, line, value): productLogoUrl / product_logo_url not ending in .svg, .eps or .ai
# (case-insensitive).  All four are .png.  (OKE's github "blob" URL ends in .svg and passes.)
LOGO_NOT_VECTOR = {
    "04ca2f5": [
        (
            "v1.33/chinaunicom-csk/PRODUCT.yaml",
            "productLogoUrl",
            12,
            "https://github.com/c479096292/cucsk/blob/main/docs/en/docs/images/en-logo.png",
        ),
        (
            "v1.34/eks/PRODUCT.yaml",
            "productLogoUrl",
            13,
            "https://raw.githubusercontent.com/awslabs/ai-on-eks/refs/heads/main/ai-conformance/amazon_eks_logo_icon_170592.png",
        ),
        (
            "v1.34/lke/PRODUCT.yaml",
            "productLogoUrl",
            12,
            "https://raw.githubusercontent.com/linode/lke-ai-conformance/refs/heads/main/images/AkamaiCloud-Horizontal.png",
        ),
        (
            "v1.34/vks/PRODUCT.yaml",
            "productLogoUrl",
            12,
            "https://raw.githubusercontent.com/vsphere-tmm/Supervisor-Services/refs/heads/main/vks-ai-conformance/v1.34/VKS%20Logo%20Vertical.png",
        ),
    ],
    "main": [
        (
            "v1.33/chinaunicom-csk/PRODUCT.yaml",
            "productLogoUrl",
            12,
            "https://github.com/c479096292/cucsk/blob/main/docs/en/docs/images/en-logo.png",
        ),
        (
            "v1.34/eks/PRODUCT.yaml",
            "productLogoUrl",
            13,
            "https://raw.githubusercontent.com/awslabs/ai-on-eks/refs/heads/main/ai-conformance/amazon_eks_logo_icon_170592.png",
        ),
        (
            "v1.34/lke/PRODUCT.yaml",
            "productLogoUrl",
            12,
            "https://raw.githubusercontent.com/linode/lke-ai-conformance/refs/heads/main/images/AkamaiCloud-Horizontal.png",
        ),
        (
            "v1.34/vks/PRODUCT.yaml",
            "productLogoUrl",
            12,
            "https://raw.githubusercontent.com/vsphere-tmm/Supervisor-Services/refs/heads/main/vks-ai-conformance/v1.34/VKS%20Logo%20Vertical.png",
        ),
    ],
}


# contactEmailAddress / contact_email_address values failing a plain addr@domain.tld regex:
# none.  (JD Cloud's address is outside metadata, see STRAY_TOP_LEVEL_KEYS.)
INVALID_EMAILS = {"04ca2f5": [], "main": []}


# path -> checklist metadata template keys (minus repoUrl) absent from the file's metadata,
# counting a snake_case spelling (website_url...) as present.  Mostly contactEmailAddress;
# CoreWeave v1.35 lacks k8sConformanceUrl (a v1.35 template key).
MISSING_METADATA_FIELDS = {
    "04ca2f5": {
        "v1.33/giantswarm/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/jdcloud/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/openshift/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/palette/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/talos/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/OKE/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/eks/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/gke/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/talos/PRODUCT.yaml": ["contactEmailAddress"],
    },
    "main": {
        "v1.33/giantswarm/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/jdcloud/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/openshift/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/palette/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/talos/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/OKE/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/eks/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/gke/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/talos/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.35/cks/PRODUCT.yaml": ["k8sConformanceUrl"],
    },
}


# Same, but exact camelCase keys only (snake_case spellings do NOT count), so the CoreWeave
# files also miss websiteUrl, documentationUrl, productLogoUrl, contactEmailAddress.
MISSING_METADATA_FIELDS_RAW = {
    "04ca2f5": {
        "v1.33/cks/PRODUCT.yaml": [
            "websiteUrl",
            "documentationUrl",
            "productLogoUrl",
            "contactEmailAddress",
        ],
        "v1.33/giantswarm/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/jdcloud/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/openshift/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/palette/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/talos/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/OKE/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/cks/PRODUCT.yaml": [
            "websiteUrl",
            "documentationUrl",
            "productLogoUrl",
            "contactEmailAddress",
        ],
        "v1.34/eks/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/gke/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/talos/PRODUCT.yaml": ["contactEmailAddress"],
    },
    "main": {
        "v1.33/cks/PRODUCT.yaml": [
            "websiteUrl",
            "documentationUrl",
            "productLogoUrl",
            "contactEmailAddress",
        ],
        "v1.33/giantswarm/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/jdcloud/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/openshift/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/palette/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.33/talos/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/OKE/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/cks/PRODUCT.yaml": [
            "websiteUrl",
            "documentationUrl",
            "productLogoUrl",
            "contactEmailAddress",
        ],
        "v1.34/eks/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/gke/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.34/talos/PRODUCT.yaml": ["contactEmailAddress"],
        "v1.35/cks/PRODUCT.yaml": [
            "websiteUrl",
            "documentationUrl",
            "productLogoUrl",
            "contactEmailAddress",
            "k8sConformanceUrl",
        ],
    },
}


# (path, line, value) of every k8sConformanceUrl (no snake_case k8s_conformance_url exists).
# None at 04ca2f5.
K8S_CONFORMANCE_URLS = {
    "04ca2f5": [],
    "main": [
        (
            "v1.33/jdos/PRODUCT.yaml",
            16,
            "https://github.com/cncf/k8s-conformance/tree/master/v1.33/JDOS",
        ),
        (
            "v1.34/openshift/PRODUCT.yaml",
            15,
            "https://github.com/cncf/k8s-conformance/tree/master/v1.34/openshift",
        ),
        (
            "v1.34/rke2/PRODUCT.yaml",
            14,
            "https://github.com/cncf/k8s-conformance/tree/master/v1.34/rke-government",
        ),
        (
            "v1.35/gke/PRODUCT.yaml",
            15,
            "https://github.com/cncf/k8s-conformance/tree/master/v1.35/gke",
        ),
    ],
}


# k8sConformanceUrl not matching
# ^https://github\.com/cncf/k8s-conformance/tree/(master|main)/vX\.Y/<name>/?$ with vX.Y equal
# to the folder: none.  (The <name> part need not equal the folder: JDOS vs jdos,
# rke-government vs rke2.)
BAD_K8S_CONFORMANCE_URLS = {"04ca2f5": [], "main": []}


# (path, id, line of `notes:`, notes): status "Implemented" while notes match
# \bdisabled\b|not enabled by default|not supported|not applicable (case-insensitive).
IMPLEMENTED_BUT_NOTES_NEGATIVE = {
    "04ca2f5": [
        (
            "v1.33/chinaunicom-csk/PRODUCT.yaml",
            "dra_support",
            24,
            "DRA APIs are disabled in 1.33 by default",
        )
    ],
    "main": [
        (
            "v1.33/chinaunicom-csk/PRODUCT.yaml",
            "dra_support",
            24,
            "DRA APIs are disabled in 1.33 by default",
        )
    ],
}


# Informational, outside the rule above: "Implemented" cluster_autoscaling whose notes start
# "The platform does not provide an autoscaler." (SUSE text, copied verbatim by chinaunicom).
# (path, id, line of `notes:`).  The rke2 v1.33 line moved from 48 to 49 between states.
IMPLEMENTED_BUT_NOTES_NO_AUTOSCALER = {
    "04ca2f5": [
        ("v1.33/chinaunicom-csk/PRODUCT.yaml", "cluster_autoscaling", 47),
        ("v1.33/rke2/PRODUCT.yaml", "cluster_autoscaling", 48),
    ],
    "main": [
        ("v1.33/chinaunicom-csk/PRODUCT.yaml", "cluster_autoscaling", 47),
        ("v1.33/rke2/PRODUCT.yaml", "cluster_autoscaling", 49),
        ("v1.34/rke2/PRODUCT.yaml", "cluster_autoscaling", 50),
    ],
}


# (path, id, line of `notes:`, status): dra_support notes matching device[- ]plugin, i.e.
# claiming DRA through a device plugin.
DRA_VIA_DEVICE_PLUGIN = {
    "04ca2f5": [("v1.33/jdcloud/PRODUCT.yaml", "dra_support", 24, "")],
    "main": [("v1.33/jdcloud/PRODUCT.yaml", "dra_support", 24, "")],
}


# Extra (not in the brief): (path, id, item line) of evidence items holding two URLs joined
# by a comma, so one list entry is not one URL.  At 04ca2f5 the same file also had a URL
# with a stray trailing "]" (dra_support, line 23).  All fixed by 0d214006 before main.
MULTI_URL_EVIDENCE_ITEMS = {
    "04ca2f5": [
        ("v1.33/rke2/PRODUCT.yaml", "ai_inference", 31),
        ("v1.33/rke2/PRODUCT.yaml", "pod_autoscaling", 54),
        ("v1.33/rke2/PRODUCT.yaml", "ai_service_metrics", 70),
    ],
    "main": [],
}


# Extra: metadata values that safe_load does not return as str: OVH `platformVersion: 1.0`
# is a float (so naive str() gives "1.0", and 1.10 would become 1.1).
NON_STRING_METADATA = {
    "04ca2f5": [("v1.34/ovh/PRODUCT.yaml", "platformVersion", 8, 1.0)],
    "main": [("v1.34/ovh/PRODUCT.yaml", "platformVersion", 8, 1.0)],
}


# Totals over all submissions: requirement entries, evidence list items, of which
# http(s) URLs / "" / other (local paths, prose), plus evidence fields that are plain
# strings.  (Reference: "~350 evidence URLs" at 04ca2f5.)
EVIDENCE_COUNTS = {
    "04ca2f5": {
        "requirements": 207,
        "evidence_list_items": 349,
        "http_urls": 321,
        "empty_strings": 4,
        "local_or_other": 24,
        "plain_string_fields": 6,
    },
    "main": {
        "requirements": 255,
        "evidence_list_items": 441,
        "http_urls": 413,
        "empty_strings": 4,
        "local_or_other": 24,
        "plain_string_fields": 6,
    },
}


# 7. Submissions present at main but not at 04ca2f5 (set difference of SUBMISSIONS).
ADDED_SINCE_04CA2F5 = [
    "v1.33/jdos/PRODUCT.yaml",
    "v1.34/openshift/PRODUCT.yaml",
    "v1.34/rke2/PRODUCT.yaml",
    "v1.35/cks/PRODUCT.yaml",
    "v1.35/gke/PRODUCT.yaml",
]


# Submissions present at 04ca2f5 but not at main: none.
REMOVED_SINCE_04CA2F5 = []


# Files present in both states whose content differs (git diff --stat 04ca2f5 main).
# Only evidence URLs changed in it; statuses are identical.
MODIFIED_SINCE_04CA2F5 = ["v1.33/rke2/PRODUCT.yaml"]


# 8. git rev-list --first-parent --count <state>.  (All commits: 119 and 140.)  04ca2f5 is
# the 11th first-parent commit counting back from main (main itself = 1st).
FIRST_PARENT_COMMIT_COUNTS = {"04ca2f5": 48, "main": 58}


# path -> (sha, committer date %cI) of the first-parent commit of main that added the file:
# first line of `git log --first-parent --reverse --format='%H %cI' main -- <path>`,
# cross-checked with --diff-filter=A and with `git cat-file -e <sha>^1:<path>` failing.
# Every one is a 2-parent PR merge.  v1.33/cks and v1.34/cks came in the same merge.
ADDED_BY = {
    "v1.33/chinaunicom-csk/PRODUCT.yaml": (
        "a847594a911f678ceceb7732f138ff6834c74c82",
        "2026-01-27T13:49:52-06:00",
    ),
    "v1.33/cks/PRODUCT.yaml": (
        "0e05262e9222735f7ef51b04d3b5cfcf3f87c0f8",
        "2025-11-07T20:23:17-06:00",
    ),
    "v1.33/daocloud/PRODUCT.yaml": (
        "82cbca610dff31ac0b3b783f022196f354fedbca",
        "2025-10-30T19:01:23-05:00",
    ),
    "v1.33/gardener/PRODUCT.yaml": (
        "06b29a39f6988d01116ee3f7c46d752d62080d34",
        "2025-10-30T19:11:57-05:00",
    ),
    "v1.33/giantswarm/PRODUCT.yaml": (
        "daf93421a82164c5e5b89e43bbdd2e3700226f01",
        "2025-11-05T09:10:59-06:00",
    ),
    "v1.33/jdcloud/PRODUCT.yaml": (
        "29bff717512b0ff01d2f4234e1a5e8cea439ebc8",
        "2026-01-27T13:50:58-06:00",
    ),
    "v1.33/jdos/PRODUCT.yaml": (
        "0642b9d91e3c47260e4b1c12af794eeb512e6e6f",
        "2026-02-17T13:25:08-06:00",
    ),
    "v1.33/openshift/PRODUCT.yaml": (
        "52a02ebc232c133565b4497bc4460deab57b8129",
        "2025-10-30T19:06:02-05:00",
    ),
    "v1.33/palette/PRODUCT.yaml": (
        "cb0ba8ef01fe08de9c246a38a4bb3f0c5ea0cb92",
        "2026-01-27T13:48:26-06:00",
    ),
    "v1.33/rke2/PRODUCT.yaml": (
        "1526e633269ced3c6f5814b0121a142e1eb46570",
        "2025-11-01T20:05:19-05:00",
    ),
    "v1.33/talos/PRODUCT.yaml": (
        "4d9c3bb47335249452ae3a5165db58efb76c0e7a",
        "2025-10-30T19:18:08-05:00",
    ),
    "v1.34/OKE/PRODUCT.yaml": (
        "9130bafe95426dee7b5796a1cf2fbd012170d29b",
        "2025-10-30T19:12:58-05:00",
    ),
    "v1.34/ack/PRODUCT.yaml": (
        "2a1237df4f0e6d99e7b06ac9d6f924911ac30166",
        "2025-10-30T19:08:49-05:00",
    ),
    "v1.34/aks/PRODUCT.yaml": (
        "fc1021949620625cbec8e18a0904a5dd68b05b35",
        "2025-10-30T19:02:13-05:00",
    ),
    "v1.34/baidu_cce/PRODUCT.yaml": (
        "7aa04884d29b1806984644019fe75eb575a78808",
        "2025-10-30T19:17:07-05:00",
    ),
    "v1.34/cks/PRODUCT.yaml": (
        "0e05262e9222735f7ef51b04d3b5cfcf3f87c0f8",
        "2025-11-07T20:23:17-06:00",
    ),
    "v1.34/eks/PRODUCT.yaml": (
        "8300423dfb56d95d67cb8c4c19a6e8780c5239b0",
        "2025-10-30T19:07:46-05:00",
    ),
    "v1.34/gardener/PRODUCT.yaml": (
        "69b58a15f5c29dbe374a57fe18c8aa88ac1c3f43",
        "2026-01-27T13:51:30-06:00",
    ),
    "v1.34/gke/PRODUCT.yaml": (
        "20b273fc5f59e478cc11b38088e2bb4730cd3fde",
        "2025-10-30T18:58:05-05:00",
    ),
    "v1.34/kubermatic/PRODUCT.yaml": (
        "b5117571661f6fb028acd9cd9a7140ad3e065f50",
        "2025-11-01T20:04:36-05:00",
    ),
    "v1.34/lke/PRODUCT.yaml": (
        "8c14d92d695b71cae889685581923fccec401a40",
        "2025-11-05T09:11:46-06:00",
    ),
    "v1.34/openshift/PRODUCT.yaml": (
        "b3d12690a0b6e0fbf364564febc3ba4b27c75d99",
        "2026-02-17T13:22:42-06:00",
    ),
    "v1.34/ovh/PRODUCT.yaml": (
        "e8c1d386470b56292d78dd08e6dcadc04a565b4a",
        "2026-01-27T13:50:32-06:00",
    ),
    "v1.34/rke2/PRODUCT.yaml": (
        "a6b6d34dc33a2da5aca4db7fef981ee6fdc7b252",
        "2026-03-16T10:47:07-07:00",
    ),
    "v1.34/talos/PRODUCT.yaml": (
        "e1a671ec052c2cb5d035dd87a49dfe456a3e3133",
        "2025-10-30T19:19:40-05:00",
    ),
    "v1.34/vks/PRODUCT.yaml": (
        "79b28840a19ec591e4ef5767ef90358698386e8d",
        "2025-10-30T19:16:10-05:00",
    ),
    "v1.35/cks/PRODUCT.yaml": (
        "28a85befde0960b44d3e540fab5ba1c1990a8a86",
        "2026-03-16T10:47:49-07:00",
    ),
    "v1.35/gke/PRODUCT.yaml": (
        "2a4b58696417d7af9188b452b2e5afaa38e74ba7",
        "2026-03-16T10:46:21-07:00",
    ),
}


# path -> (sha, committer date, author date) of the oldest commit on the PR side of that
# merge touching the path (`git log --reverse <merge>^1..<merge>^2 -- <path>`).  In ALL 28
# cases this is older than the merge, so a plain (non --first-parent) `git log --reverse`
# returns the PR commit and its earlier date, not the date the file reached main.
PR_SIDE_FIRST_COMMIT = {
    "v1.33/chinaunicom-csk/PRODUCT.yaml": (
        "0b841de454ab3d6e287f949db21981b1fb67d1af",
        "2025-12-27T13:29:50+08:00",
        "2025-12-26T17:38:23+08:00",
    ),
    "v1.33/cks/PRODUCT.yaml": (
        "ba1975923066573672a8fdd97f52ee82c758aa67",
        "2025-11-07T08:38:40-05:00",
        "2025-11-07T08:33:16-05:00",
    ),
    "v1.33/daocloud/PRODUCT.yaml": (
        "3d410ceb5f2a9482f3424fcd92e15f630070c627",
        "2025-10-10T17:26:42+08:00",
        "2025-10-10T09:10:22+08:00",
    ),
    "v1.33/gardener/PRODUCT.yaml": (
        "7525311e63ec77d2329940b2ff01d9f93b2411c5",
        "2025-10-29T17:38:14+01:00",
        "2025-10-22T10:49:25+02:00",
    ),
    "v1.33/giantswarm/PRODUCT.yaml": (
        "e4f5bfc30aa77a1d5025959fd76694b71770e23b",
        "2025-11-05T10:16:32+01:00",
        "2025-11-05T10:16:32+01:00",
    ),
    "v1.33/jdcloud/PRODUCT.yaml": (
        "9c0a75a73ef8df050c094914ceb55c6019de08c6",
        "2026-01-13T14:57:16+08:00",
        "2026-01-13T14:54:56+08:00",
    ),
    "v1.33/jdos/PRODUCT.yaml": (
        "03a57574017bf0bf1d130ed2df6cd8edd7d61ca2",
        "2026-02-10T17:44:52+08:00",
        "2026-02-10T17:32:30+08:00",
    ),
    "v1.33/openshift/PRODUCT.yaml": (
        "53f1686422b690e8d7027f405047e6ea87bf2830",
        "2025-10-21T12:47:15-04:00",
        "2025-10-21T10:31:44-04:00",
    ),
    "v1.33/palette/PRODUCT.yaml": (
        "27fd5a0372cfc15e6119426ddc71ff6998afa15f",
        "2025-12-08T21:56:02+01:00",
        "2025-12-08T11:01:45+01:00",
    ),
    "v1.33/rke2/PRODUCT.yaml": (
        "369c44929a69be3e81b84cdbb8710d8ee9a8ffb6",
        "2025-10-31T20:21:09-04:00",
        "2025-10-31T14:44:45-04:00",
    ),
    "v1.33/talos/PRODUCT.yaml": (
        "48b2c68f9ac89570b1e6fdcdce7f111ba31a6119",
        "2025-10-30T13:20:02-07:00",
        "2025-10-28T17:18:52-07:00",
    ),
    "v1.34/OKE/PRODUCT.yaml": (
        "61f4fc2b8d3c3d15ea2a3fb3411d39df5e57a65f",
        "2025-10-23T16:16:23-07:00",
        "2025-10-23T16:16:23-07:00",
    ),
    "v1.34/ack/PRODUCT.yaml": (
        "4d4d529c3ea437ee850d887d17a92ba75b8bbe5e",
        "2025-10-22T15:56:28+08:00",
        "2025-10-22T15:56:28+08:00",
    ),
    "v1.34/aks/PRODUCT.yaml": (
        "f2d9667c6fc8574246b80c59d82400b006511be4",
        "2025-10-16T18:25:19+00:00",
        "2025-10-01T10:40:32-07:00",
    ),
    "v1.34/baidu_cce/PRODUCT.yaml": (
        "1cb874bebb7bcbcfee9d4a923224172d18d60a3d",
        "2025-10-30T20:34:29+08:00",
        "2025-10-30T20:26:12+08:00",
    ),
    "v1.34/cks/PRODUCT.yaml": (
        "ba1975923066573672a8fdd97f52ee82c758aa67",
        "2025-11-07T08:38:40-05:00",
        "2025-11-07T08:33:16-05:00",
    ),
    "v1.34/eks/PRODUCT.yaml": (
        "3969970341a304af7c90f8f5f178bb8cc7c2c6ce",
        "2025-10-21T14:31:37-05:00",
        "2025-10-21T13:28:51-05:00",
    ),
    "v1.34/gardener/PRODUCT.yaml": (
        "d3c2c2aad18e6bb18ee07f66fbabff14011f1a6d",
        "2026-01-24T15:05:58+01:00",
        "2026-01-24T14:17:18+01:00",
    ),
    "v1.34/gke/PRODUCT.yaml": (
        "92c040f7ef8b95f775bc17c17340fb010088c5ab",
        "2025-10-08T13:42:04-07:00",
        "2025-10-02T14:51:29-07:00",
    ),
    "v1.34/kubermatic/PRODUCT.yaml": (
        "738484bccfbc0db989d03932494bd9c11955ce38",
        "2025-10-29T17:42:40+01:00",
        "2025-10-29T17:35:17+01:00",
    ),
    "v1.34/lke/PRODUCT.yaml": (
        "3f636dc5502a3033712af4084d41b09c1fef9cfe",
        "2025-11-04T14:28:24-05:00",
        "2025-11-04T14:08:14-05:00",
    ),
    "v1.34/openshift/PRODUCT.yaml": (
        "bdf35ed64faab92ec7fe45e1a46e58d939cdaef1",
        "2026-02-12T14:22:21-05:00",
        "2026-02-06T17:34:19-05:00",
    ),
    "v1.34/ovh/PRODUCT.yaml": (
        "b7284a201752aac6b37fe6773fed5ea8245ab715",
        "2026-01-27T09:35:22+01:00",
        "2025-12-18T14:34:41+01:00",
    ),
    "v1.34/rke2/PRODUCT.yaml": (
        "8b67bafec4b51a13b05c25cecb824d51de57b8a7",
        "2026-02-18T11:03:46+01:00",
        "2026-02-18T10:57:18+01:00",
    ),
    "v1.34/talos/PRODUCT.yaml": (
        "3377934ade837b43eae820db4806b35913c146c2",
        "2025-10-30T13:29:47-07:00",
        "2025-10-30T13:29:47-07:00",
    ),
    "v1.34/vks/PRODUCT.yaml": (
        "2a925b3845fbeeca7cd4ce0c0b774fd1578ef05d",
        "2025-10-29T18:23:41+00:00",
        "2025-10-29T18:23:41+00:00",
    ),
    "v1.35/cks/PRODUCT.yaml": (
        "04894478c8b2a5020f2f13a45623683c6608050e",
        "2026-02-05T15:05:35-05:00",
        "2026-02-05T14:40:48-05:00",
    ),
    "v1.35/gke/PRODUCT.yaml": (
        "5211d10c37ce67dcee9841da309e8d6b444e223f",
        "2026-02-23T18:59:21+00:00",
        "2026-02-21T02:18:53+00:00",
    ),
}


# (path, merge sha, merge committer date, PR commit sha, PR commit committer date).
# gke: 22 days early; ovh: same day by committer date but authored 2025-12-18; v1.35 cks:
# ~6 weeks early (merged on 2026-03-16, after 04ca2f5, although the PR commit predates it).
PR_OLDER_THAN_MERGE_EXAMPLES = [
    (
        "v1.34/gke/PRODUCT.yaml",
        "20b273fc5f59e478cc11b38088e2bb4730cd3fde",
        "2025-10-30T18:58:05-05:00",
        "92c040f7ef8b95f775bc17c17340fb010088c5ab",
        "2025-10-08T13:42:04-07:00",
    ),
    (
        "v1.34/ovh/PRODUCT.yaml",
        "e8c1d386470b56292d78dd08e6dcadc04a565b4a",
        "2026-01-27T13:50:32-06:00",
        "b7284a201752aac6b37fe6773fed5ea8245ab715",
        "2026-01-27T09:35:22+01:00",
    ),
    (
        "v1.35/cks/PRODUCT.yaml",
        "28a85befde0960b44d3e540fab5ba1c1990a8a86",
        "2026-03-16T10:47:49-07:00",
        "04894478c8b2a5020f2f13a45623683c6608050e",
        "2026-02-05T15:05:35-05:00",
    ),
]


# First-parent commits after the adding merge that modified a submission still present at
# main (git log --first-parent main -- <path>); all other files were touched once.
LATER_FIRST_PARENT_CHANGES = {
    "v1.33/openshift/PRODUCT.yaml": [
        (
            "dcd972cae488f77f3ea8026cbfb4970e58d8a960",
            "2026-01-27T13:46:38-06:00",
            'dra_support status "" -> "Not Implemented"',
        )
    ],
    "v1.34/kubermatic/PRODUCT.yaml": [
        (
            "dcd972cae488f77f3ea8026cbfb4970e58d8a960",
            "2026-01-27T13:46:38-06:00",
            "evidence secure-accelerator_access.md -> secure_accelerator_access.md",
        )
    ],
    "v1.33/rke2/PRODUCT.yaml": [
        (
            "0d214006513de9437e2ad58b567410b2ce45d52a",
            "2026-02-11T10:53:43-06:00",
            "evidence URLs rewritten (docs.rke2.io -> documentation.suse.com, split lists)",
        )
    ],
}


# Submissions that existed on main's first-parent line but are gone in both audited states:
# (path, adding merge, date, removing merge 'revert-26-rosa', date).
ADDED_THEN_REMOVED = [
    (
        "v1.33/rosa/PRODUCT.yaml",
        "708ba030fc6dc4317350b6086abd2ac1b3e3a753",
        "2025-11-10T16:59:55-05:00",
        "4ee0cd3e670f27ba9d994bf67e13208487addacb",
        "2025-12-18T23:26:19+09:00",
    )
]
