//===--- ForwardDataflow.h - cgocheck ---------------------------*- C++ -*-===//
//
// A forward dataflow driver over clang's CFG for a lattice that lives in the
// cgocheck library. clang's FlowSensitive framework refuses C, so every
// flow-sensitive cgo-* check runs its own lattice through this driver:
//
//   - the Analysis supplies the entry state, the bottom state, the transfer
//     function of one CFG element, and the refinement of a branch edge;
//   - the driver iterates blocks in reverse post order until the per-block
//     entry states stop changing (the lattice must have finite height);
//   - replay() then walks every reachable block once more with the converged
//     entry states, so a check reports each finding exactly once.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_FORWARDDATAFLOW_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_FORWARDDATAFLOW_H

#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <optional>
#include <vector>

namespace clang::tidy::cgo::utils {

/// Requirements on Analysis (all members are called with the state to update):
///   State entryState();
///   State bottomState();
///   void transfer(const CFGElement &, State &, bool Replaying);
///   void refineEdge(const CFGBlock &From, unsigned SuccIndex, State &);
/// and State needs operator==, join_with(const State &) and reached().
template <typename State, typename Analysis> class ForwardDataflow {
public:
  ForwardDataflow(AnalysisDeclContext &ADC, const CFG &Cfg, Analysis &A)
      : ADC(ADC), Cfg(Cfg), A(A),
        EntryStates(Cfg.getNumBlockIDs(), A.bottomState()) {}

  /// Runs the fixpoint iteration. Returns false if it did not converge within
  /// MaxBlockVisits visits (then no finding must be reported).
  bool solve(unsigned MaxBlockVisits) {
    ForwardDataflowWorklist Worklist(Cfg, ADC);
    const CFGBlock &Entry = Cfg.getEntry();
    EntryStates[Entry.getBlockID()] = A.entryState();
    Worklist.enqueueBlock(&Entry);
    unsigned Visits = 0;
    while (const CFGBlock *Block = Worklist.dequeue()) {
      if (++Visits > MaxBlockVisits)
        return false;
      State Out = EntryStates[Block->getBlockID()];
      for (const CFGElement &Element : *Block)
        A.transfer(Element, Out, /*Replaying=*/false);
      unsigned SuccIndex = 0;
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
        const unsigned Index = SuccIndex++;
        const CFGBlock *Target = Succ.getReachableBlock();
        if (!Target)
          continue;
        State EdgeState = Out;
        A.refineEdge(*Block, Index, EdgeState);
        State &Into = EntryStates[Target->getBlockID()];
        State Joined = Into;
        Joined.join_with(EdgeState);
        if (Joined != Into) {
          Into = std::move(Joined);
          Worklist.enqueueBlock(Target);
        }
      }
    }
    return true;
  }

  /// Walks every block reached by the solution once, in reverse post order
  /// (so values computed in a block are seen by the blocks after it), calling
  /// the transfer function with Replaying = true.
  void replay() {
    for (const CFGBlock *Block : *ADC.getAnalysis<PostOrderCFGView>()) {
      State S = EntryStates[Block->getBlockID()];
      if (!S.reached())
        continue;
      for (const CFGElement &Element : *Block)
        A.transfer(Element, S, /*Replaying=*/true);
    }
  }

  /// The converged state at the entry of Block (for the exit block: the
  /// join of every path that returns).
  const State &stateAtEntry(const CFGBlock &Block) const {
    return EntryStates[Block.getBlockID()];
  }

private:
  AnalysisDeclContext &ADC;
  const CFG &Cfg;
  Analysis &A;
  std::vector<State> EntryStates;
};

/// Builds the CFG of Function's body with every subexpression an element of
/// its own (in evaluation order), solves A over it within MaxVisitsPerBlock
/// visits per block, and replays the solution once. Returns the state at
/// the exit (the join of every path that returns), or nothing when there is
/// no body or CFG or the iteration did not converge (then nothing must be
/// reported).
template <typename State, typename Analysis>
std::optional<State> runForwardDataflow(const FunctionDecl &Function, Analysis &A, unsigned MaxVisitsPerBlock) {
  if (!Function.hasBody())
    return std::nullopt;
  AnalysisDeclContext ADC(/*Mgr=*/nullptr, &Function);
  ADC.getCFGBuildOptions().setAllAlwaysAdd();
  const CFG *Cfg = ADC.getCFG();
  if (!Cfg)
    return std::nullopt;
  ForwardDataflow<State, Analysis> Dataflow(ADC, *Cfg, A);
  if (!Dataflow.solve(MaxVisitsPerBlock * Cfg->getNumBlockIDs()))
    return std::nullopt;
  Dataflow.replay();
  return Dataflow.stateAtEntry(Cfg->getExit());
}

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_FORWARDDATAFLOW_H
