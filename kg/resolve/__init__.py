"""Mentions -> entities across documents: identity keys, short forms, IRIs."""
from .identity import Resolver

__all__ = ["Resolver"]
