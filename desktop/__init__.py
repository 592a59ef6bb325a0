"""CAR-T Reference: an offline desktop reference on BCMA CAR-T therapy for myeloma."""

__version__ = "0.1.0"
